using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>Reads a GS1 Digital Link URI for <see cref="Gs1.ParseDigitalLink"/>.</summary>
internal static class Gs1DigitalLink
{
    /// <summary>The key qualifiers of a GTIN, in the order a Digital Link path gives them (<c>gtin-path</c>).</summary>
    private static readonly string[] PathOrder = ["22", "10", "21"];

    public static Result<Gs1Data> Parse(string? text)
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
            return Gs1Errors.Uri.With("A GS1 Digital Link is an http or https URI.", "value");
        }

        var path = Path(uri.AbsolutePath);
        if (path.Count == 0 || !path.Exists(p => p.Ai == "01"))
        {
            return Gs1Errors.UriGtin.With(
                "The path does not end with /01/ and a GTIN, then qualifiers with their values.",
                "value");
        }

        if (path[0].Ai != "01")
        {
            return Gs1Errors.UriOrder.With(
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
                return Gs1Errors.UriPath.With(
                    $"After the GTIN the path may hold /22/, /10/ and /21/; ({ai}) is not one of them. "
                    + "Data attributes go in the query string.",
                    "value");
            }

            if (position <= order)
            {
                return position == order
                    ? Gs1.Repeated(ai)
                    : Gs1Errors.UriOrder.With(
                        "The path's qualifiers come in the order /22/, /10/, /21/.", "value");
            }

            order = position;
            elements[ai] = value;
        }

        return Query(uri.Query, elements) ?? Gs1.Complete(elements);
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
                return Gs1Errors.Ai.With($"A query key of digits only is an AI, and '{key}' is none.", "value");
            }

            if (key == "01" || PathOrder.Contains(key))
            {
                return Gs1Errors.UriQuery.With(
                    $"({key}) is the primary key or one of its qualifiers: it goes in the path, not the query string.",
                    "value");
            }

            if (!elements.TryAdd(key, parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""))
            {
                return Gs1.Repeated(key);
            }
        }

        return null;
    }
}
