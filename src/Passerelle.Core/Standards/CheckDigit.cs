namespace Passerelle.Core.Standards;

/// <summary>
/// ICAO Doc 9303 Part 3, 4.9: weights 7-3-1 repeating, digits as themselves, A=10 to Z=35, '&lt;' as 0, modulo 10.
/// </summary>
public static class CheckDigit
{
    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>The check digit of <paramref name="data"/>, or null if it holds a character an MRZ cannot.</summary>
    public static int? Compute(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = ValueOf(data[i]);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i % 3];
        }

        return sum % 10;
    }

    /// <summary>
    /// Whether <paramref name="check"/> is right for <paramref name="data"/>. An empty field (all fillers) may carry
    /// '&lt;' as its check digit, as Doc 9303 allows for an unused optional data field.
    /// </summary>
    public static bool Holds(ReadOnlySpan<char> data, char check)
    {
        if (check == '<')
        {
            return !data.ContainsAnyExcept('<');
        }

        return check is >= '0' and <= '9' && Compute(data) == check - '0';
    }

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };
}
