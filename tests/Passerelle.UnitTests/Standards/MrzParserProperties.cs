using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Standards;
using Passerelle.UnitTests.Common;

namespace Passerelle.UnitTests.Standards;

/// <summary>
/// MRZs of the three card and passport formats built field by field with the check digits of ICAO Doc 9303 Part 3,
/// 4.9, in the layouts of Parts 4 (TD3), 5 (TD1) and 6 (TD2); and any other text, which the parser refuses with one
/// of its codes and never with an exception.
/// </summary>
public sealed class MrzParserProperties
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphabet = Letters + "0123456789<";
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly string[] Codes = ["mrz.line-count", "mrz.line-length", "mrz.character"];

    private static readonly Gen<string> Word = Over(Letters, 1, 6);

    private static Gen<string> Alphanumeric(int min, int max) => Over(Letters + "0123456789", min, max);

    private static Gen<string> Over(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    private static Gen<string[]> Words(int min) =>
        from count in Gen.Choose(min, 2)
        from words in Word.ArrayOf(count)
        select words;

    private static readonly Gen<Fields> AllFields =
        from format in Gen.Elements("TD1", "TD2", "TD3")
        from kind in Gen.Elements(format == "TD3" ? "P" : "I", format == "TD3" ? "P" : "A", format == "TD3" ? "P" : "C")
        from kindSecond in Gen.Elements("", "", "D", "R", "O")
        from issuing in Gen.Elements(CountryCodes.All.Order(StringComparer.Ordinal).ToArray())
        from nationality in Gen.Elements(CountryCodes.All.Order(StringComparer.Ordinal).ToArray())
        from number in Alphanumeric(1, 9)
        from birthDays in Gen.Choose(0, 36_499)
        from expiryDays in Gen.Choose(0, 36_524)
        from sex in Gen.Elements("M", "F", "X", "<")
        from primary in Words(1)
        from secondary in Words(0)
        from optional in Alphanumeric(0, format switch { "TD1" => 15, "TD2" => 7, _ => 14 })
        from optional2 in Alphanumeric(0, 11)
            // Two-digit years: a birth date lies in the hundred years up to today, an expiry date in the hundred years
            // up to 50 years ahead (MrzParser's reading of YYMMDD).
        select new Fields(
            format, kind + kindSecond, issuing, number, nationality,
            Today.AddDays(-birthDays), new DateOnly(1977, 1, 1).AddDays(expiryDays), sex,
            string.Join(' ', primary), string.Join(' ', secondary), optional, format == "TD1" ? optional2 : null);

    private static readonly Gen<string> ValidText = AllFields.Select(f => string.Join('\n', Lines(f)));

    [Property(MaxTest = 10_000)]
    public Property Any_text_parses_or_is_refused_with_an_MRZ_code_never_with_an_exception() =>
        Prop.ForAll(Texts.NearValid(ValidText, Alphabet).ToArbitrary(), text =>
        {
            var result = MrzParser.Parse(text, Today);
            return result.Succeeded ? result.Value!.Lines.Count is 2 or 3 : Codes.Contains(result.Error!.Code);
        });

    [Property(MaxTest = 10_000)]
    public Property An_MRZ_built_with_its_check_digits_parses_back_to_its_fields_however_it_is_typed() =>
        Prop.ForAll(AllFields.ToArbitrary(), Gen.Elements("\n", "\r\n", "\r", " ", "  \n ").ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(), (fields, separator, lower) =>
            {
                var text = string.Join(separator, Lines(fields));
                var result = MrzParser.Parse(lower ? text.ToLowerInvariant() : text, Today);

                Assert.True(result.Succeeded, result.Error?.Message);
                var mrz = result.Value!;
                var read = new Fields(
                    mrz.Format, mrz.DocumentCode, mrz.IssuingState, mrz.DocumentNumber, mrz.Nationality,
                    mrz.BirthDate!.Value, mrz.ExpiryDate!.Value, mrz.Sex, mrz.PrimaryIdentifier,
                    mrz.SecondaryIdentifier, mrz.OptionalData, mrz.OptionalData2);
                Assert.Equal(fields, read);
                Assert.True(mrz.Valid);
                Assert.Empty(mrz.Corrections);
                Assert.Empty(mrz.Warnings);
            });

    /// <summary>
    /// The lines of <paramref name="f"/>, every field padded with fillers and every check digit computed.
    /// </summary>
    private static string[] Lines(Fields f)
    {
        static string Pad(string text, int length) => text.Replace(' ', '<').PadRight(length, '<');
        static string Check(string data) =>
            CheckDigit.Compute(data)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Date(DateOnly d) => d.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);

        var number = Pad(f.Number, 9);
        var birth = Date(f.Birth);
        var expiry = Date(f.Expiry);
        string Name(int length) => Pad(f.Secondary.Length == 0 ? f.Primary : $"{f.Primary}<<{f.Secondary}", length);
        var head = Pad(f.Code, 2) + Pad(f.Issuing, 3);
        switch (f.Format)
        {
            case "TD1":
                {
                    var line1 = head + number + Check(number) + Pad(f.Optional, 15);
                    var line2 = birth + Check(birth) + f.Sex + expiry + Check(expiry) + Pad(f.Nationality, 3)
                        + Pad(f.Optional2!, 11);
                    return [line1, line2 + Check(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29]), Name(30)];
                }

            case "TD2":
                {
                    var line2 = number + Check(number) + Pad(f.Nationality, 3) + birth + Check(birth) + f.Sex + expiry
                        + Check(expiry) + Pad(f.Optional, 7);
                    return [head + Name(31), line2 + Check(line2[..10] + line2[13..20] + line2[21..35])];
                }

            default:
                {
                    var optional = Pad(f.Optional, 14);
                    var line2 = number + Check(number) + Pad(f.Nationality, 3) + birth + Check(birth) + f.Sex + expiry
                        + Check(expiry) + optional + Check(optional);
                    return [head + Name(39), line2 + Check(line2[..10] + line2[13..20] + line2[21..43])];
                }
        }
    }

    private sealed record Fields(
        string Format,
        string Code,
        string Issuing,
        string Number,
        string Nationality,
        DateOnly Birth,
        DateOnly Expiry,
        string Sex,
        string Primary,
        string Secondary,
        string Optional,
        string? Optional2);
}
