using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>
/// GS1 data as a scanner or a phone gives it (GS1 General Specifications, section 3 and 7.8; GS1 Digital Link
/// standard 1.4): a Digital Link URI on any domain, the human-readable element string <c>(01)…(10)…</c>, or the raw
/// data of a GS1-128 or DataMatrix symbol, where the group separator (ASCII 29) ends a variable-length field.
/// </summary>
public static class Gs1
{
    public const char GroupSeparator = '\u001d';

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
    public static Result<Gs1Data> ParseDigitalLink(string? text) => Gs1DigitalLink.Parse(text);

    /// <summary>
    /// The bracketed form <c>(01)09506000134352(10)ABC123</c>, or raw scanner data with group separators.
    /// </summary>
    public static Result<Gs1Data> ParseElementString(string? text) => Gs1ElementString.Parse(text);

    internal static Error Repeated(string ai) =>
        Gs1Errors.AiRepeated.With($"AI ({ai}) appears twice; GS1 data names each AI once.", "value");

    /// <summary>The data read in any form, once it holds a valid GTIN and every other AI's value is valid.</summary>
    internal static Result<Gs1Data> Complete(Dictionary<string, string> elements)
    {
        if (!elements.TryGetValue("01", out var gtin))
        {
            return Gs1Errors.NoGtin.With("The data holds no GTIN, AI (01).", "value");
        }

        var checkedGtin = Gtin.Check(gtin);
        if (!checkedGtin.Valid)
        {
            return Gs1Errors.GtinCheckDigit.With(checkedGtin.Reason!, "value");
        }

        foreach (var (ai, value) in elements)
        {
            if (ai != "01" && Gs1Ai.Refuse(ai, value) is { } reason)
            {
                return Gs1Errors.Value.With(reason, "value");
            }
        }

        elements["01"] = checkedGtin.Normalized!;
        return new Gs1Data(checkedGtin.Normalized!, elements);
    }
}
