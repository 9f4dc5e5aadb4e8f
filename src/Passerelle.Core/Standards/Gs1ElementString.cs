using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>Reads a GS1 element string, bracketed or raw, for <see cref="Gs1.ParseElementString"/>.</summary>
internal static class Gs1ElementString
{
    /// <summary>
    /// Symbology identifiers (ISO/IEC 15424) of the symbols that carry GS1 element strings: GS1-128, GS1 DataBar,
    /// GS1 DataMatrix, GS1 QR Code and GS1 DotCode. Any other says the data is not GS1's.
    /// </summary>
    private static readonly string[] Gs1Symbologies = ["]C1", "]e0", "]d2", "]Q3", "]J1"];

    public static Result<Gs1Data> Parse(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.StartsWith(']'))
        {
            if (!Gs1Symbologies.Any(id => value.StartsWith(id, StringComparison.Ordinal)))
            {
                return Gs1Errors.Symbology.With(
                    $"The symbology identifier '{value[..Math.Min(3, value.Length)]}' is not one of a GS1 symbol.",
                    "value");
            }

            value = value[3..];
        }

        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        return (value.StartsWith('(') ? Bracketed(value, elements) : Raw(value, elements)) ?? Gs1.Complete(elements);
    }

    private static Error? Bracketed(string value, Dictionary<string, string> elements)
    {
        foreach (var part in value.Split('(', StringSplitOptions.RemoveEmptyEntries))
        {
            var close = part.IndexOf(')', StringComparison.Ordinal);
            if (close < 0 || !Gs1Ai.Is(part[..close]))
            {
                return Gs1Errors.ElementString.With($"'({part}' is not an (AI)value pair.", "value");
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
            if (value[at] == Gs1.GroupSeparator)
            {
                at++;
                continue;
            }

            var aiLength = Gs1Ai.Length(value.AsSpan(at));
            if (aiLength == 0 || at + aiLength > value.Length)
            {
                return Gs1Errors.Ai.With($"No known application identifier at position {at + 1}.", "value");
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
                    return Gs1Errors.Length.With(
                        $"AI ({ai}) takes {predefined} characters; only {value.Length - at} follow.",
                        "value");
                }
            }
            else
            {
                end = value.IndexOf(Gs1.GroupSeparator, at);
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
        elements.TryAdd(ai, value) || elements[ai] == value ? null : Gs1.Repeated(ai);
}
