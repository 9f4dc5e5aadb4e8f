namespace Passerelle.Core.Standards;

/// <summary>
/// ISO 6346 freight container numbers: a three-letter owner code, a category letter (U, J or Z), a six-digit serial
/// and a check digit. Letters count 10 upwards, skipping 11, 22 and 33; each of the ten characters is weighted
/// 2^position; the check digit is the sum modulo 11, with 10 written as 0.
/// </summary>
public static class ContainerNumber
{
    /// <summary>
    /// Four letters and seven digits, spaces and hyphens aside: what someone typing a container number types, right
    /// or wrong.
    /// </summary>
    public static bool LooksLikeOne(string? value) => HasShape(Compact(value));

    public static CheckResult Check(string? value)
    {
        var text = Compact(value);
        if (!HasShape(text))
        {
            return CheckResult.No(
                $"A container number is 4 letters and 7 digits, such as CSQU3054383; '{text}' is not.");
        }

        if (text[3] is not ('U' or 'J' or 'Z'))
        {
            return CheckResult.No($"The fourth letter is the category U, J or Z; '{text[3]}' is none.");
        }

        var expected = CheckDigitOf(text.AsSpan(0, 10));
        return text[10] - '0' == expected
            ? CheckResult.Ok(text)
            : CheckResult.No($"The check digit is {text[10]}; for {text[..10]} it should be {expected}.", text);
    }

    private static string Compact(string? value) =>
        (value ?? "").Trim()
            .Replace(" ", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal)
            .ToUpperInvariant();

    private static bool HasShape(string text) =>
        text.Length == 11 && text[..4].All(char.IsAsciiLetterUpper) && text[4..].All(char.IsAsciiDigit);

    public static int CheckDigitOf(ReadOnlySpan<char> first10)
    {
        var sum = 0;
        for (var i = 0; i < first10.Length; i++)
        {
            sum += ValueOf(first10[i]) << i;
        }

        return sum % 11 % 10;
    }

    private static int ValueOf(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return c - '0';
        }

        // A=10, then every letter one more, stepping over the multiples of 11.
        var value = 10 + (c - 'A');
        return value + (value >= 11 ? 1 : 0) + (value >= 21 ? 1 : 0) + (value >= 31 ? 1 : 0);
    }
}
