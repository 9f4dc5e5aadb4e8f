using System.Buffers;

namespace Passerelle.Core.Standards;

/// <summary>
/// What the GS1 General Specifications say about an application identifier (AI) itself: how many digits it has, how
/// long its data is, and which characters that data may hold.
/// </summary>
internal static class Gs1Ai
{
    /// <summary>GS1 AI encodable character set 82 (General Specifications, figure 7.11-1).</summary>
    private static readonly SearchValues<char> Cset82 = SearchValues.Create(
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// How many digits the AI at the start of <paramref name="data"/> has, from its first two (General Specifications,
    /// section 3.2); 0 where no AI starts with those two digits.
    /// </summary>
    public static int Length(ReadOnlySpan<char> data)
    {
        if (data.Length < 2 || !char.IsAsciiDigit(data[0]) || !char.IsAsciiDigit(data[1]))
        {
            return 0;
        }

        return (data[0], data[1]) switch
        {
            ('0' or '1' or '9', _) or ('2', '0' or '1' or '2') or ('3', '0' or '7') => 2,
            ('2', '3' or '4' or '5') or ('4', '0' or '1' or '2') or ('7', '1') => 3,
            ('3', >= '1' and <= '6' or '9') or ('4', '3') or ('7', '0' or '2') or ('8', '0' or '1' or '2') => 4,
            _ => 0,
        };
    }

    /// <summary>Whether <paramref name="text"/> is an AI: digits, as many as its first two call for.</summary>
    public static bool Is(string text) =>
        text.Length is >= 2 and <= 4 && text.All(char.IsAsciiDigit) && Length(text) == text.Length;

    /// <summary>
    /// Data length of the AIs whose first two digits predefine it, so that no separator follows them in a symbol
    /// (General Specifications, figure 7.8.5-2); 0 where the data runs to a separator or the end.
    /// </summary>
    public static int PredefinedLength(string ai) => ai[..2] switch
    {
        "00" => 18,
        "01" or "02" or "03" => 14,
        "04" => 16,
        "11" or "12" or "13" or "14" or "15" or "16" or "17" or "18" or "19" => 6,
        "20" => 2,
        "31" or "32" or "33" or "34" or "35" or "36" => 6,
        "41" => 13,
        _ => 0,
    };

    /// <summary>
    /// Why <paramref name="value"/> is not data of <paramref name="ai"/> (General Specifications, section 3.2 for
    /// each AI's format), or null. AIs Passerelle reads have their own format; any other holds 1 to 90 characters of
    /// set 82, the most any AI holds.
    /// </summary>
    public static string? Refuse(string ai, string value)
    {
        var (numeric, min, max) = Format(ai);
        if (value.Length < min || value.Length > max)
        {
            var length = min == max ? $"{min}" : $"{min} to {max}";
            return $"AI ({ai}) holds {length} {(numeric ? "digits" : "characters")}; '{value}' has {value.Length}.";
        }

        if (numeric ? !value.All(char.IsAsciiDigit) : value.AsSpan().ContainsAnyExcept(Cset82))
        {
            return numeric
                ? $"AI ({ai}) holds digits only; '{value}' does not."
                : $"AI ({ai}) holds characters of GS1's set 82 only: letters, digits and !\"%&'()*+,-./:;<=>?_.";
        }

        return null;
    }

    private static (bool Numeric, int Min, int Max) Format(string ai) => ai switch
    {
        "00" => (true, 18, 18),
        "01" or "02" or "03" => (true, 14, 14),
        "10" or "21" or "22" => (false, 1, 20),
        "11" or "12" or "13" or "15" or "16" or "17" => (true, 6, 6),
        "20" => (true, 2, 2),
        "30" or "37" => (true, 1, 8),
        "90" => (false, 1, 30),
        _ when ai.Length == 4 && ai[0] == '3' && ai[1] is >= '1' and <= '6' => (true, 6, 6),
        _ when ai.Length == 3 && ai.StartsWith("41", StringComparison.Ordinal) => (true, 13, 13),
        _ => (false, 1, 90),
    };
}
