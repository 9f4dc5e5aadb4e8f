namespace Passerelle.Core.Standards;

/// <summary>
/// IMO ship identification numbers (IMO Resolution A.1117(30)): seven digits, the last being the sum of the first
/// six weighted 7, 6, 5, 4, 3, 2, modulo 10. Written with or without the prefix "IMO".
/// </summary>
public static class ImoNumber
{
    public static CheckResult Check(string? value)
    {
        var text = (value ?? "").Trim().ToUpperInvariant();
        text = text.StartsWith("IMO", StringComparison.Ordinal) ? text[3..].Trim() : text;
        if (text.Length != 7 || !text.All(char.IsAsciiDigit))
        {
            return CheckResult.No($"An IMO number is 7 digits, such as 9074729; '{value}' is not.");
        }

        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (text[i] - '0') * (7 - i);
        }

        var expected = sum % 10;
        return text[6] - '0' == expected
            ? CheckResult.Ok(text)
            : CheckResult.No($"The check digit is {text[6]}; for {text[..6]} it should be {expected}.", text);
    }
}
