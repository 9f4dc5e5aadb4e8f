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
                    uri.Append('/').Append(ai).Append('/').Append(Uri.EscapeDataString(value));
                }
            }

            return uri.ToString();
        }
    }
}

/// <summary>
/// GS1 data as a scanner or a phone gives it (GS1 General Specifications, section 3 and 7.8; GS1 Digital Link
/// standard 1.4): a Digital Link URI on any domain, the human-readable element string <c>(01)…(10)…</c>, or the raw
/// data of a GS1-128 or DataMatrix symbol, where the group separator (ASCII 29) ends a variable-length field.
/// </summary>
public static class Gs1
{
    public const char GroupSeparator = '\u001d';

    private static readonly string[] PathOrder = ["22", "10", "21"];

    /// <summary>Whichever of the three forms <paramref name="text"/> is in.</summary>
    public static Result<Gs1Data> Parse(string? text)
    {
        var value = (text ?? "").Trim();
        return value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? ParseDigitalLink(value)
            : ParseElementString(value);
    }

    public static Result<Gs1Data> ParseDigitalLink(string? text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Error.Invalid("gs1.uri", "A GS1 Digital Link is an http or https URI.", "value");
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var start = Array.IndexOf(segments, "01");
        if (start < 0 || start + 1 >= segments.Length)
        {
            return Error.Invalid("gs1.uri-gtin", "The path holds no /01/ followed by a GTIN.", "value");
        }

        var elements = new Dictionary<string, string>(StringComparer.Ordinal) { ["01"] = segments[start + 1] };
        var order = -1;
        for (var i = start + 2; i < segments.Length; i += 2)
        {
            var ai = segments[i];
            var position = Array.IndexOf(PathOrder, ai);
            if (position < 0 || i + 1 >= segments.Length)
            {
                return Error.Invalid("gs1.uri-path", $"After the GTIN the path may hold /22/, /10/ and /21/ in that order; '{ai}' is not one of them.", "value");
            }

            if (position <= order)
            {
                return Error.Invalid("gs1.uri-order", "The path's qualifiers come in the order /22/, /10/, /21/.", "value");
            }

            order = position;
            elements[ai] = segments[i + 1];
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            if (key.Length is >= 2 and <= 4 && key.All(char.IsAsciiDigit))
            {
                elements.TryAdd(key, parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
            }
        }

        return Complete(elements);
    }

    /// <summary>The bracketed form <c>(01)09506000134352(10)ABC123</c>, or raw scanner data with group separators.</summary>
    public static Result<Gs1Data> ParseElementString(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.StartsWith(']') && value.Length > 3)
        {
            value = value[3..];
        }

        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.StartsWith('('))
        {
            var parts = value.Split('(', StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
            {
                var close = part.IndexOf(')', StringComparison.Ordinal);
                if (close < 2)
                {
                    return Error.Invalid("gs1.element-string", $"'({part}' is not an (AI)value pair.", "value");
                }

                elements[part[..close]] = part[(close + 1)..];
            }

            return Complete(elements);
        }

        var at = 0;
        while (at < value.Length)
        {
            if (value[at] == GroupSeparator)
            {
                at++;
                continue;
            }

            var aiLength = AiLength(value.AsSpan(at));
            if (aiLength == 0 || at + aiLength > value.Length)
            {
                return Error.Invalid("gs1.ai", $"No known application identifier at position {at + 1}.", "value");
            }

            var ai = value.Substring(at, aiLength);
            at += aiLength;
            var fixedLength = FixedLength(ai);
            int end;
            if (fixedLength > 0)
            {
                end = at + fixedLength;
                if (end > value.Length)
                {
                    return Error.Invalid("gs1.length", $"AI ({ai}) takes {fixedLength} characters; only {value.Length - at} follow.", "value");
                }
            }
            else
            {
                end = value.IndexOf(GroupSeparator, at);
                end = end < 0 ? value.Length : end;
            }

            elements[ai] = value[at..end];
            at = end;
        }

        return Complete(elements);
    }

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

        foreach (var ai in new[] { "10", "21", "22" })
        {
            if (elements.TryGetValue(ai, out var v) && (v.Length is 0 or > 20 || v.Any(c => c < '!' || c > 'z')))
            {
                return Error.Invalid("gs1.value", $"AI ({ai}) holds 1 to 20 characters of GS1's printable set.", "value");
            }
        }

        elements["01"] = checkedGtin.Normalized!;
        return new Gs1Data(checkedGtin.Normalized!, elements);
    }

    /// <summary>How many digits the AI at the start of <paramref name="data"/> has, from its first two (General Specifications, 3.2).</summary>
    private static int AiLength(ReadOnlySpan<char> data)
    {
        if (data.Length < 2 || !char.IsAsciiDigit(data[0]) || !char.IsAsciiDigit(data[1]))
        {
            return 0;
        }

        return (data[0], data[1]) switch
        {
            ('2', '3' or '4' or '5') or ('4', _) => 3,
            ('3', >= '1' and <= '6') or ('3', '9') or ('7', _) or ('8', _) => 4,
            _ => 2,
        };
    }

    /// <summary>Data length of the predefined-length AIs (General Specifications, figure 7.8.5-2); 0 for variable.</summary>
    private static int FixedLength(string ai) => ai switch
    {
        "00" => 18,
        "01" or "02" or "03" => 14,
        "11" or "12" or "13" or "15" or "16" or "17" => 6,
        "20" => 2,
        _ when ai.Length == 4 && ai[0] == '3' && ai[1] is >= '1' and <= '6' => 6,
        _ when ai.Length == 3 && ai.StartsWith("41", StringComparison.Ordinal) => 13,
        _ => 0,
    };
}
