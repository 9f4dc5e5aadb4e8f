using System.Text;

namespace Passerelle.Core.TravelDocuments;

/// <summary>The wire names of document types and statuses, and the two screening keys of a number.</summary>
public static class DocumentNames
{
    private static readonly Dictionary<string, DocumentType> Types = new(StringComparer.Ordinal)
    {
        ["passport"] = DocumentType.Passport,
        ["identity-card"] = DocumentType.IdentityCard,
        ["visa"] = DocumentType.Visa,
        ["residence-permit"] = DocumentType.ResidencePermit,
        ["other"] = DocumentType.Other,
    };

    private static readonly Dictionary<string, DocumentStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["stolen"] = DocumentStatus.Stolen,
        ["lost"] = DocumentStatus.Lost,
        ["revoked"] = DocumentStatus.Revoked,
        ["invalid"] = DocumentStatus.Invalid,
        ["stolen-blank"] = DocumentStatus.StolenBlank,
        ["recovered"] = DocumentStatus.Recovered,
    };

    private static readonly System.Buffers.SearchValues<char> NormalChars =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly System.Buffers.SearchValues<char> Foldable = System.Buffers.SearchValues.Create("OIBSZG");

    public static IReadOnlyCollection<string> TypeNames => Types.Keys;

    /// <summary>
    /// The statuses a record is registered with; <c>recovered</c> comes from clearing a hit or a change.
    /// </summary>
    public static IEnumerable<string> ReportableStatusNames => Statuses.Keys.Where(s => s != "recovered");

    public static bool TryType(string? name, out DocumentType type) =>
        Types.TryGetValue(name?.Trim().ToLowerInvariant() ?? "", out type);

    public static bool TryStatus(string? name, out DocumentStatus status) =>
        Statuses.TryGetValue(name?.Trim().ToLowerInvariant() ?? "", out status);

    public static string Name(this DocumentType type) => Types.First(t => t.Value == type).Key;

    public static string Name(this DocumentStatus status) => Statuses.First(s => s.Value == status).Key;

    /// <summary>The document type an MRZ's document code stands for (Doc 9303 Part 4, 5, 6, 7).</summary>
    public static DocumentType FromMrzCode(string code) => code.Length == 0 ? DocumentType.Other : code[0] switch
    {
        'P' => DocumentType.Passport,
        'V' => DocumentType.Visa,
        'I' or 'A' or 'C' => DocumentType.IdentityCard,
        _ => DocumentType.Other,
    };

    /// <summary>Upper case, with spaces, hyphens and '&lt;' removed.</summary>
    public static string Normalize(string number)
    {
        // Most numbers arrive normalised already; an import normalises hundreds of thousands.
        if (!number.AsSpan().ContainsAnyExcept(NormalChars))
        {
            return number;
        }

        var text = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            if (c is not (' ' or '-' or '<' or '\t'))
            {
                text.Append(char.ToUpperInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>The normalised number with the letters OCR confuses with digits folded to those digits.</summary>
    public static string Fold(string normalized)
    {
        if (!normalized.AsSpan().ContainsAny(Foldable))
        {
            return normalized;
        }

        return string.Create(normalized.Length, normalized, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    public static char Fold(char c) => c switch
    {
        'O' => '0',
        'I' => '1',
        'B' => '8',
        'S' => '5',
        'Z' => '2',
        'G' => '6',
        _ => c,
    };

    /// <summary>A normalised number is 1 to 20 letters and digits.</summary>
    public static bool IsValidNumber(string normalized) =>
        normalized.Length is >= 1 and <= 20 && normalized.All(char.IsAsciiLetterOrDigit);
}
