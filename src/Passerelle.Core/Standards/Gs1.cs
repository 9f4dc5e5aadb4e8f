using System.Text;
using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>A product identified by GS1 data: its GTIN-14 and the other application identifiers read with it.</summary>
public sealed record Gs1Data(string Gtin, IReadOnlyDictionary<string, string> Elements)
{
    public string? Batch => Elements.GetValueOrDefault("10");

    public string? Serial => Elements.GetValueOrDefault("21");

    public string? Variant => Elements.GetValueOrDefault("22");

    /// <summary>The canonical GS1 Digital Link URI on id.gs1.org.</summary>
    public string DigitalLink
    {
        get
        {
            var uri = new StringBuilder("https://id.gs1.org/01/").Append(Gtin);
            foreach (var ai in new[] { "22", "10", "21" })
            {
                if (Elements.TryGetValue(ai, out var value))
                {
                    uri.Append('/').Append(ai).Append('/').Append(Escape(value));
                }
            }

            return uri.ToString();
        }
    }

    /// <summary>
    /// Percent-encoded for a path segment; a value of dots only has them encoded too, or URL parsers would read it as
    /// a dot segment (RFC 3986, 5.2.4) and drop it.
    /// </summary>
    private static string Escape(string value) =>
        value.All(c => c == '.') ? value.Replace(".", "%2E", StringComparison.Ordinal) : Uri.EscapeDataString(value);
}

/// <summary>
/// GS1 data as a scanner or a phone gives it (GS1 General Specifications, section 3 and 7.8; GS1 Digital Link
/// standard 1.4): a Digital Link URI on any domain, the human-readable element string <c>(01)…(10)…</c>, or the raw
/// data of a GS1-128 or DataMatrix symbol, where the group separator (ASCII 29) ends a variable-length field.
/// </summary>
public static class Gs1
{
    public const char GroupSeparator = '\u001d';

    /// <summary>The key qualifiers of a GTIN, in the order a Digital Link path gives them (<c>gtin-path</c>).</summary>
    private static readonly string[] PathOrder = ["22", "10", "21"];

    /// <summary>
    /// Symbology identifiers (ISO/IEC 15424) of the symbols that carry GS1 element strings: GS1-128, GS1 DataBar,
    /// GS1 DataMatrix, GS1 QR Code and GS1 DotCode. Any other says the data is not GS1's.
    /// </summary>
    private static readonly string[] Gs1Symbologies = ["]C1", "]e0", "]d2", "]Q3", "]J1"];

    /// <summary>Whichever of the three forms <paramref name="text"/> is in.</summary>
    public static Result<Gs1Data> Parse(string? text)
    {
        var value = (text ?? "").Trim();
        return value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? ParseDigitalLink(value)
            : ParseElementString(value);
    }

    /// <summary>
    /// A Digital Link URI, held to the grammar of the GS1 Digital Link URI syntax: the path ends with the primary key
    /// <c>/01/</c> and its GTIN, then the GTIN's qualifiers <c>/22/</c>, <c>/10/</c> and <c>/21/</c>, each at most
    /// once and in that order (<c>gtin-path</c>); whatever comes before the key is the resolver's own path. Data
    /// attributes, such as <c>17</c>, go in the query string, which holds no key, no qualifier and no AI twice.
    /// </summary>
    public static Result<Gs1Data> ParseDigitalLink(string? text)
    {
        // The path is read as written: canonicalised, a batch or serial "." or ".." would be removed as a dot segment.
        // Read so, a URI keeps its fragment in its path or query; no browser sends a fragment on, so it goes first.
        var written = (text ?? "").Trim();
        written = written.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? written[..hash] : written;
        var options = new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true };
        if (!Uri.TryCreate(written, options, out var uri)
            || !uri.IsAbsoluteUri
            || uri.Scheme is not ("http" or "https"))
        {
            return Error.Invalid("gs1.uri", "A GS1 Digital Link is an http or https URI.", "value");
        }

        var path = Path(uri.AbsolutePath);
        if (path.Count == 0 || !path.Exists(p => p.Ai == "01"))
        {
            return Error.Invalid(
                "gs1.uri-gtin",
                "The path does not end with /01/ and a GTIN, then qualifiers with their values.",
                "value");
        }

        if (path[0].Ai != "01")
        {
            return Error.Invalid(
                "gs1.uri-order",
                $"The path starts with the primary key /01/ and its GTIN; ({path[0].Ai}) comes before it.",
                "value");
        }

        var elements = new Dictionary<string, string>(StringComparer.Ordinal) { ["01"] = path[0].Value };
        var order = -1;
        foreach (var (ai, value) in path.Skip(1))
        {
            var position = Array.IndexOf(PathOrder, ai);
            if (position < 0)
            {
                return Error.Invalid(
                    "gs1.uri-path",
                    $"After the GTIN the path may hold /22/, /10/ and /21/; ({ai}) is not one of them. "
                    + "Data attributes go in the query string.",
                    "value");
            }

            if (position <= order)
            {
                return position == order
                    ? Repeated(ai)
                    : Error.Invalid(
                        "gs1.uri-order", "The path's qualifiers come in the order /22/, /10/, /21/.", "value");
            }

            order = position;
            elements[ai] = value;
        }

        return Query(uri.Query, elements) ?? Complete(elements);
    }

    /// <summary>
    /// The longest run of <c>/AI/value</c> pairs that ends the path, values unescaped. Pairs are read from the end,
    /// as GS1's own toolkit does, since only the end of the path is GS1's.
    /// </summary>
    private static List<(string Ai, string Value)> Path(string absolutePath)
    {
        // Split while still escaped, so that an escaped '/' inside a value does not split it.
        var segments = absolutePath.Split('/');
        var end = segments.Length > 1 && segments[^1].Length == 0 ? segments.Length - 1 : segments.Length;
        var start = end;
        while (start - 2 >= 1 && Gs1Ai.Is(segments[start - 2]))
        {
            start -= 2;
        }

        var pairs = new List<(string, string)>();
        for (var i = start; i < end; i += 2)
        {
            pairs.Add((segments[i], Uri.UnescapeDataString(segments[i + 1])));
        }

        return pairs;
    }

    /// <summary>Adds the query's data attributes to <paramref name="elements"/>, or says why it cannot.</summary>
    private static Error? Query(string query, Dictionary<string, string> elements)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            if (key.Length == 0 || !key.All(char.IsAsciiDigit))
            {
                // An extension parameter, such as linkType: the grammar lets any key with a non-digit through.
                continue;
            }

            if (!Gs1Ai.Is(key))
            {
                return Error.Invalid("gs1.ai", $"A query key of digits only is an AI, and '{key}' is none.", "value");
            }

            if (key == "01" || PathOrder.Contains(key))
            {
                return Error.Invalid(
                    "gs1.uri-query",
                    $"({key}) is the primary key or one of its qualifiers: it goes in the path, not the query string.",
                    "value");
            }

            if (!elements.TryAdd(key, parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""))
            {
                return Repeated(key);
            }
        }

        return null;
    }

    /// <summary>
    /// The bracketed form <c>(01)09506000134352(10)ABC123</c>, or raw scanner data with group separators.
    /// </summary>
    public static Result<Gs1Data> ParseElementString(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.StartsWith(']'))
        {
            if (!Gs1Symbologies.Any(id => value.StartsWith(id, StringComparison.Ordinal)))
            {
                return Error.Invalid(
                    "gs1.symbology",
                    $"The symbology identifier '{value[..Math.Min(3, value.Length)]}' is not one of a GS1 symbol.",
                    "value");
            }

            value = value[3..];
        }

        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        return (value.StartsWith('(') ? Bracketed(value, elements) : Raw(value, elements)) ?? Complete(elements);
    }

    private static Error? Bracketed(string value, Dictionary<string, string> elements)
    {
        foreach (var part in value.Split('(', StringSplitOptions.RemoveEmptyEntries))
        {
            var close = part.IndexOf(')', StringComparison.Ordinal);
            if (close < 0 || !Gs1Ai.Is(part[..close]))
            {
                return Error.Invalid("gs1.element-string", $"'({part}' is not an (AI)value pair.", "value");
            }

            if (Add(elements, part[..close], part[(close + 1)..]) is { } repeated)
            {
                return repeated;
            }
        }

        return null;
    }

    private static Error? Raw(string value, Dictionary<string, string> elements)
    {
        var at = 0;
        while (at < value.Length)
        {
            // A separator ends a variable-length field; one after a predefined-length field, or one in first
            // position where a scanner sends FNC1 as ASCII 29, separates nothing and is passed over.
            if (value[at] == GroupSeparator)
            {
                at++;
                continue;
            }

            var aiLength = Gs1Ai.Length(value.AsSpan(at));
            if (aiLength == 0 || at + aiLength > value.Length)
            {
                return Error.Invalid("gs1.ai", $"No known application identifier at position {at + 1}.", "value");
            }

            var ai = value.Substring(at, aiLength);
            at += aiLength;
            var predefined = Gs1Ai.PredefinedLength(ai);
            int end;
            if (predefined > 0)
            {
                end = at + predefined;
                if (end > value.Length)
                {
                    return Error.Invalid(
                        "gs1.length",
                        $"AI ({ai}) takes {predefined} characters; only {value.Length - at} follow.",
                        "value");
                }
            }
            else
            {
                end = value.IndexOf(GroupSeparator, at);
                end = end < 0 ? value.Length : end;
            }

            if (Add(elements, ai, value[at..end]) is { } repeated)
            {
                return repeated;
            }

            at = end;
        }

        return null;
    }

    /// <summary>An AI read twice is refused unless its data is the same, as when a symbol repeats an element.</summary>
    private static Error? Add(Dictionary<string, string> elements, string ai, string value) =>
        elements.TryAdd(ai, value) || elements[ai] == value ? null : Repeated(ai);

    private static Error Repeated(string ai) =>
        Error.Invalid("gs1.ai-repeated", $"AI ({ai}) appears twice; GS1 data names each AI once.", "value");

    private static Result<Gs1Data> Complete(Dictionary<string, string> elements)
    {
        if (!elements.TryGetValue("01", out var gtin))
        {
            return Error.Invalid("gs1.no-gtin", "The data holds no GTIN, AI (01).", "value");
        }

        var checkedGtin = Gtin.Check(gtin);
        if (!checkedGtin.Valid)
        {
            return Error.Invalid("gtin.check-digit", checkedGtin.Reason!, "value");
        }

        foreach (var (ai, value) in elements)
        {
            if (ai != "01" && Gs1Ai.Refuse(ai, value) is { } reason)
            {
                return Error.Invalid("gs1.value", reason, "value");
            }
        }

        elements["01"] = checkedGtin.Normalized!;
        return new Gs1Data(checkedGtin.Normalized!, elements);
    }
}
