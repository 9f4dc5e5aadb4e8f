using System.Text;

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
