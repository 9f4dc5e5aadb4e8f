using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Standards;
using Passerelle.UnitTests.Common;

namespace Passerelle.UnitTests.Standards;

/// <summary>
/// The check-digit identifiers, each built with the check digit of its standard: GTIN (GS1 General Specifications,
/// 7.9), ISO 6346 container numbers (Annex A), IMO ship numbers (Resolution A.1117(30)); the HS 2022 codes as
/// shipped and the country codes of ICAO Doc 9303 Part 3, section 5. Any other text is refused with a reason, never
/// an exception.
/// </summary>
public sealed class IdentifierProperties
{
    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static Gen<string> Over(string alphabet, int length) =>
        Gen.Elements(alphabet.ToCharArray()).ArrayOf(length).Select(c => new string(c));

    private static readonly Gen<string> Gtins =
        from length in Gen.Elements(8, 12, 13, 14)
        from body in Over(Digits, length - 1)
        select body + Gtin.CheckDigitOf(body);

    private static readonly Gen<string> Containers =
        from owner in Over(Letters, 3)
        from category in Gen.Elements('U', 'J', 'Z')
        from serial in Over(Digits, 6)
        let first10 = owner + category + serial
        select first10 + ContainerNumber.CheckDigitOf(first10);

    private static readonly Gen<string> ImoNumbers =
        from body in Over(Digits, 6)
        select body + (body.Select((c, i) => (c - '0') * (7 - i)).Sum() % 10);

    /// <summary>The same identifier as people write it: spaces, hyphens, the case they like.</summary>
    private static Gen<string> Typed(Gen<string> valid) =>
        from text in valid
        from at in Gen.Choose(0, text.Length)
        from separator in Gen.Elements("", " ", "-", "  ")
        from lower in Gen.Elements(true, false)
        let typed = text[..at] + separator + text[at..]
        select " " + (lower ? typed.ToLowerInvariant() : typed) + " ";

    private static bool Holds(CheckResult result) =>
        result.Valid ? result.Normalized is not null && result.Reason is null : result.Reason is { Length: > 0 };

    [Property(MaxTest = 10_000)]
    public Property Any_text_checked_as_a_GTIN_is_judged_with_a_reason_never_an_exception() =>
        Prop.ForAll(Texts.NearValid(Gtins, Digits + " -").ToArbitrary(), text =>
        {
            var result = Gtin.Check(text);
            return Holds(result)
                && (!result.Valid || result.Normalized!.Length == 14 && result.Normalized.All(char.IsAsciiDigit));
        });

    [Property(MaxTest = 10_000)]
    public Property A_GTIN_with_its_check_digit_normalises_to_GTIN_14_and_back() =>
        Prop.ForAll(Typed(Gtins).ToArbitrary(), text =>
        {
            var gtin = new string(text.Where(char.IsAsciiDigit).ToArray());
            var result = Gtin.Check(text);
            return result.Valid && result.Normalized == gtin.PadLeft(14, '0')
                && Gtin.Check(result.Normalized) == result && result.Normalized.TrimStart('0') == gtin.TrimStart('0');
        });

    [Property(MaxTest = 10_000)]
    public Property Any_text_checked_as_a_container_number_is_judged_never_thrown() =>
        Prop.ForAll(Texts.NearValid(Containers, Letters + Digits + " -").ToArbitrary(), text =>
            Holds(ContainerNumber.Check(text))
            && (!ContainerNumber.Check(text).Valid || ContainerNumber.LooksLikeOne(text)));

    [Property(MaxTest = 10_000)]
    public Property A_container_number_with_its_check_digit_is_valid_however_it_is_typed() =>
        Prop.ForAll(Containers.SelectMany(c => Typed(Gen.Constant(c)).Select(t => (c, t))).ToArbitrary(), pair =>
            ContainerNumber.Check(pair.t) is { Valid: true } result && result.Normalized == pair.c);

    [Property(MaxTest = 10_000)]
    public Property Any_text_checked_as_an_IMO_number_is_judged_never_thrown() =>
        Prop.ForAll(Texts.NearValid(ImoNumbers.Select(n => "IMO " + n), "IMO" + Digits + " ").ToArbitrary(), text =>
            Holds(ImoNumber.Check(text)));

    [Property(MaxTest = 10_000)]
    public Property An_IMO_number_with_its_check_digit_is_valid_with_or_without_its_prefix() =>
        Prop.ForAll(ImoNumbers.ToArbitrary(), Gen.Elements("", "IMO", "IMO ", "imo ").ToArbitrary(), (number, prefix) =>
            ImoNumber.Check(prefix + number) is { Valid: true } result && result.Normalized == number);

    [Property(MaxTest = 10_000)]
    public Property Any_text_checked_as_an_HS_code_is_judged_and_a_valid_code_is_described() =>
        Prop.ForAll(Texts.NearValid(Over(Digits, 6), Digits + ". ").ToArbitrary(), text =>
        {
            var result = HsCodes.Check(text);
            return Holds(result) && (!result.Valid || HsCodes.Describe(result.Normalized!) is { Length: > 0 });
        });

    [Property(MaxTest = 10_000)]
    public Property An_HS_code_reads_the_same_with_dots_and_spaces() =>
        Prop.ForAll(Over(Digits, 6).ToArbitrary(), code =>
            HsCodes.Check($"{code[..4]}.{code[4..]}") == HsCodes.Check(code)
            && HsCodes.Check($" {code[..2]} {code[2..4]} ") == HsCodes.Check(code[..4]));

    [Property(MaxTest = 10_000)]
    public Property Every_ICAO_code_is_known_however_written_and_no_other_text_is() =>
        Prop.ForAll(
            Gen.Elements(CountryCodes.All.ToArray()).ToArbitrary(),
            Texts.NearValid(Over(Letters, 3), Letters + "<").ToArbitrary(),
            (code, text) =>
                CountryCodes.IsKnown(code)
                && CountryCodes.IsKnown(code.ToLowerInvariant())
                && CountryCodes.IsKnown(code.PadRight(3, '<'))
                && CountryCodes.IsKnown(text) == CountryCodes.All.Contains(CountryCodes.Normalize(text))
                && CountryCodes.Explain(text).Length > 0);

    // ICAO Doc 9303 Part 3, 4.9: the check digit is defined over A to Z, 0 to 9 and '<' only.
    [Property(MaxTest = 10_000)]
    public Property An_MRZ_check_digit_is_computed_exactly_for_text_of_the_MRZ_alphabet() =>
        Prop.ForAll(Texts.NearValid(Over(Letters + Digits + "<", 9), Letters + Digits + "<").ToArbitrary(), text =>
        {
            var digit = CheckDigit.Compute(text);
            var inAlphabet = text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '<');
            return inAlphabet
                ? digit is >= 0 and <= 9 && CheckDigit.Holds(text, (char)('0' + digit.Value))
                : digit is null && !CheckDigit.Holds(text, '0');
        });
}
