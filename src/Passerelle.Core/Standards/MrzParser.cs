using System.Globalization;
using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>Parses an MRZ as a reader or a person gives it: any case, lines split by newlines, CR or spaces.</summary>
public static class MrzParser
{
    // Lower case is what a person types; it is checked before upper-casing, because the invariant culture upper-cases
    // some letters outside the MRZ alphabet into it (dotless ı to I, long ſ to S).
    private static readonly System.Buffers.SearchValues<char> MrzCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789<");

    public static Result<Mrz> Parse(string? input, DateOnly today)
    {
        var lines = (input ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (Refuse(lines) is { } refused)
        {
            return refused;
        }

        lines = Array.ConvertAll(lines, line => line.ToUpperInvariant());

        var layout = MrzLayout.For(lines)!;
        var read = Read(layout, lines, today);
        var corrections = read.Checks.AllHold ? [] : MrzCorrector.Propose(layout, lines, today);
        return read with { Corrections = corrections };
    }

    /// <summary>Why these lines are not an MRZ of a known format, naming the line and its length.</summary>
    private static Error? Refuse(string[] lines)
    {
        if (lines.Length is < 2 or > 3)
        {
            return MrzErrors.LineCount.With($"An MRZ has 2 or 3 lines; this has {lines.Length}.", "mrz");
        }

        var expected = lines.Length == 3 ? 30 : lines[0].Length is 36 or 44 ? lines[0].Length : -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length != expected)
            {
                var wanted = lines.Length == 3 ? "30 (TD1)"
                    : expected > 0 ? $"{expected}, like line 1"
                    : "36 (TD2, MRV-B) or 44 (TD3, MRV-A)";
                return MrzErrors.LineLength.With(
                    $"Line {i + 1} has {lines[i].Length} characters; it should have {wanted}.",
                    "mrz");
            }

            var bad = lines[i].AsSpan().IndexOfAnyExcept(MrzCharacters);
            if (bad >= 0)
            {
                return MrzErrors.Character.With(
                    $"Line {i + 1}, position {bad + 1}: '{lines[i][bad]}' cannot appear in an MRZ.",
                    "mrz");
            }
        }

        return null;
    }

    internal static Mrz Read(MrzLayout layout, string[] lines, DateOnly today)
    {
        var warnings = new List<string>();
        var number = layout.Number.Of(lines);
        var numberCheck = layout.NumberCheck.Of(lines)[0];
        var optional = layout.Optional.Of(lines);
        if (layout.AllowsLongNumber && numberCheck == '<' && !number.EndsWith('<'))
        {
            // Doc 9303 Part 5, 4.2.2 note j, and Part 6: the number goes on in the optional data, then its check
            // digit.
            var end = optional.IndexOf('<', StringComparison.Ordinal);
            end = end < 0 ? optional.Length : end;
            if (end >= 2)
            {
                number += optional[..(end - 1)];
                numberCheck = optional[end - 1];
                optional = optional[end..];
            }
        }

        var birth = layout.Birth.Of(lines);
        var expiry = layout.Expiry.Of(lines);
        var checks = new MrzChecks(
            CheckDigit.Holds(number, numberCheck),
            CheckDigit.Holds(birth, layout.BirthCheck.Of(lines)[0]),
            CheckDigit.Holds(expiry, layout.ExpiryCheck.Of(lines)[0]),
            layout.OptionalCheck is { } oc ? CheckDigit.Holds(layout.Optional.Of(lines), oc.Of(lines)[0]) : null,
            layout.Composite is { } parts
                ? CheckDigit.Holds(
                    string.Concat(parts.Select(p => p.Of(lines))), layout.CompositeCheck!.Value.Of(lines)[0])
                : null);

        var issuing = CountryCodes.Normalize(lines[0].Substring(2, 3));
        var nationality = CountryCodes.Normalize(layout.Nationality.Of(lines));
        Warn(
            warnings, !CountryCodes.IsKnown(issuing), $"The issuing state '{issuing}' is not an ICAO Doc 9303 code.");
        Warn(
            warnings,
            !CountryCodes.IsKnown(nationality),
            $"The nationality '{nationality}' is not an ICAO Doc 9303 code.");
        var sex = layout.Sex.Of(lines);
        Warn(warnings, sex is not ("M" or "F" or "X" or "<"), $"The sex '{sex}' is not M, F, X or <.");
        var birthDate = Date(birth, today, future: false);
        Warn(warnings, birthDate is null && birth != "<<<<<<", $"The birth date '{birth}' is not a date.");
        var expiryDate = Date(expiry, today, future: true);
        Warn(warnings, expiryDate is null && expiry != "<<<<<<", $"The expiry date '{expiry}' is not a date.");
        var (primary, secondary) = Names(layout.Name.Of(lines));

        return new Mrz(
            layout.Format,
            lines[0][..2].TrimEnd('<'),
            issuing,
            number.TrimEnd('<'),
            nationality,
            birthDate,
            expiryDate,
            sex,
            primary,
            secondary,
            optional.Trim('<'),
            layout.Optional2?.Of(lines).Trim('<'),
            checks,
            [],
            warnings,
            [.. lines]);
    }


    private static (string Primary, string Secondary) Names(string field)
    {
        var split = field.IndexOf("<<", StringComparison.Ordinal);
        var primary = split < 0 ? field : field[..split];
        var secondary = split < 0 ? "" : field[(split + 2)..];
        return (Words(primary), Words(secondary));
    }

    private static string Words(string part) =>
        string.Join(' ', part.Split('<', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>YYMMDD. A birth date is never in the future; an expiry date may be, up to 50 years ahead.</summary>
    private static DateOnly? Date(string yymmdd, DateOnly today, bool future)
    {
        if (!int.TryParse(yymmdd.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            || !int.TryParse(yymmdd.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            || !int.TryParse(yymmdd.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var dd)
            || mm is < 1 or > 12 || dd < 1)
        {
            return null;
        }

        var year = 2000 + yy;
        var limit = future ? today.Year + 50 : today.Year;
        if (year > limit)
        {
            year -= 100;
        }

        if (dd > DateTime.DaysInMonth(year, mm))
        {
            return null;
        }

        var date = new DateOnly(year, mm, dd);
        return !future && date > today ? date.AddYears(-100) : date;
    }

    private static void Warn(List<string> warnings, bool condition, string message)
    {
        if (condition)
        {
            warnings.Add(message);
        }
    }
}
