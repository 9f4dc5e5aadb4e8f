using System.Collections.Frozen;
using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>
/// The Harmonized System 2022 nomenclature shipped inside Passerelle: chapters (2 digits), headings (4) and
/// subheadings (6), without UN Comtrade's "not specified" 99 codes.
/// </summary>
public static class HsCodes
{
    private static readonly Lazy<FrozenDictionary<string, string>> Codes = new(Load);

    public static int Count => Codes.Value.Count;

    public static string? Describe(string code) => Codes.Value.GetValueOrDefault(code);

    public static CheckResult Check(string? value)
    {
        var text = (value ?? "").Trim()
            .Replace(".", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        if (text.Length is not (2 or 4 or 6) || !text.All(char.IsAsciiDigit))
        {
            return CheckResult.No($"An HS code has 2, 4 or 6 digits; '{value}' does not.");
        }

        return Codes.Value.ContainsKey(text)
            ? CheckResult.Ok(text)
            : CheckResult.No($"{text} is not a code of the HS 2022 nomenclature.", text);
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(HsCodes).Assembly.GetManifestResourceStream("Passerelle.Standards.hs2022.csv")
            ?? throw new InvalidOperationException("The HS 2022 nomenclature is missing from the build.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Csv.ReadAsync(reader).ToBlockingEnumerable().Skip(1))
        {
            if (row.Fields.Count >= 3
                && row.Fields[1].Length is 2 or 4 or 6
                && !row.Fields[1].StartsWith("99", StringComparison.Ordinal))
            {
                codes[row.Fields[1]] = row.Fields[2];
            }
        }

        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
