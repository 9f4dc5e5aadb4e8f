namespace Passerelle.Core.Standards;

/// <summary>
/// GS1 Global Trade Item Numbers (GS1 General Specifications, 7.9): GTIN-8, -12, -13 and -14, whose last digit is a
/// check digit over the others with weights 3 and 1 alternating from the right. Normalised to GTIN-14 by leading zeros.
/// </summary>
public static class Gtin
{
    public static CheckResult Check(string? value)
    {
        var text = (value ?? "").Trim()
            .Replace(" ", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal);
        if (text.Length is not (8 or 12 or 13 or 14))
        {
            return CheckResult.No($"A GTIN has 8, 12, 13 or 14 digits; '{text}' has {text.Length} characters.");
        }

        if (!text.All(char.IsAsciiDigit))
        {
            return CheckResult.No($"A GTIN has digits only; '{text}' does not.");
        }

        var expected = CheckDigitOf(text.AsSpan(0, text.Length - 1));
        var normalized = text.PadLeft(14, '0');
        return text[^1] - '0' == expected
            ? CheckResult.Ok(normalized)
            : CheckResult.No($"The check digit is {text[^1]}; for {text[..^1]} it should be {expected}.", normalized);
    }

    /// <summary>The GS1 mod-10 check digit of the digits before it.</summary>
    public static int CheckDigitOf(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var weight = (digits.Length - i) % 2 == 1 ? 3 : 1;
            sum += (digits[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10;
    }
}
