using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Standards;
using Passerelle.UnitTests.Common;

namespace Passerelle.UnitTests.Standards;

/// <summary>
/// GS1 data built from AIs with the check digit of the GS1 General Specifications, 7.9, written in the three forms
/// Passerelle reads: a Digital Link URI (GS1 Digital Link URI syntax, <c>gtin-path</c> and query attributes), the
/// bracketed element string, and raw symbol data with group separators (General Specifications, 7.8.5).
/// </summary>
public sealed class Gs1Properties
{
    private const string Alphabet = "0123456789()]d2C1QhtpsHTPS:/.?&=%-_AZaz";
    private static readonly string[] Codes =
    [
        "gs1.uri", "gs1.uri-gtin", "gs1.uri-order", "gs1.uri-path", "gs1.uri-query", "gs1.ai", "gs1.ai-repeated",
        "gs1.no-gtin", "gs1.value", "gs1.length", "gs1.element-string", "gs1.symbology", "gtin.check-digit",
    ];

    // Set 82 without the brackets, which a bracketed element string cannot carry inside a value.
    private const string Cset82 = "!\"%&'*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static Gen<string> Over(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    private static readonly Gen<string> Gtins =
        from length in Gen.Elements(8, 12, 13, 14)
        from body in Over("0123456789", length - 1, length - 1)
        select body + Gtin.CheckDigitOf(body);

    /// <summary>Optional qualifiers and data attributes, each with a value of its own format.</summary>
    private static readonly Gen<(string Ai, string Value)[]> Elements =
        from variant in Gen.OneOf(Gen.Constant<string?>(null), Over(Cset82, 1, 20).Select(v => (string?)v))
        from batch in Gen.OneOf(Gen.Constant<string?>(null), Over(Cset82, 1, 20).Select(v => (string?)v))
        from serial in Gen.OneOf(Gen.Constant<string?>(null), Over(Cset82, 1, 20).Select(v => (string?)v))
        from expiry in Gen.OneOf(Gen.Constant<string?>(null), Over("0123456789", 6, 6).Select(v => (string?)v))
        from weight in Gen.OneOf(Gen.Constant<string?>(null), Over("0123456789", 6, 6).Select(v => (string?)v))
        from count in Gen.OneOf(Gen.Constant<string?>(null), Over("0123456789", 1, 8).Select(v => (string?)v))
        from internalCode in Gen.OneOf(Gen.Constant<string?>(null), Over(Cset82, 1, 30).Select(v => (string?)v))
        select new (string Ai, string? Value)[]
            {
                ("22", variant), ("10", batch), ("21", serial), ("17", expiry), ("3103", weight), ("30", count),
                ("90", internalCode),
            }
            .Where(e => e.Value is not null).Select(e => (e.Ai, e.Value!)).ToArray();

    private static readonly Gen<(string Gtin, (string Ai, string Value)[] Elements)> Data =
        from gtin in Gtins
        from elements in Elements
        from order in Gen.Shuffle(elements)
        select (gtin, order);

    private static readonly Gen<string> ValidText =
        from data in Data
        from form in Gen.Choose(0, 2)
        select Forms(data.Gtin, data.Elements)[form];

    [Property(MaxTest = 10_000)]
    public Property Any_text_is_read_or_refused_with_a_GS1_code_never_with_an_exception() =>
        Prop.ForAll(Texts.NearValid(ValidText, Alphabet).ToArbitrary(), text =>
        {
            foreach (var result in new[] { Gs1.Parse(text), Gs1.ParseDigitalLink(text), Gs1.ParseElementString(text) })
            {
                if (!result.Succeeded)
                {
                    Assert.Contains(result.Error!.Code, Codes);
                    continue;
                }

                // Whatever is accepted has a valid GTIN-14 and a canonical link that reads back the same.
                var data = result.Value!;
                Assert.True(Gtin.Check(data.Gtin) is { Valid: true } c && c.Normalized == data.Gtin, data.Gtin);
                var back = Gs1.ParseDigitalLink(data.DigitalLink).Value;
                Assert.Equal(
                    (data.Gtin, data.Variant, data.Batch, data.Serial),
                    (back?.Gtin, back?.Variant, back?.Batch, back?.Serial));
            }
        });

    [Property(MaxTest = 10_000)]
    public Property GS1_data_built_from_AIs_reads_back_the_same_in_all_three_forms() =>
        Prop.ForAll(Data.ToArbitrary(), data =>
        {
            var expected = data.Elements.Append(("01", data.Gtin.PadLeft(14, '0'))).Order();
            foreach (var text in Forms(data.Gtin, data.Elements))
            {
                var parsed = Gs1.Parse(text);

                Assert.True(parsed.Succeeded, $"{text}: {parsed.Error?.Message}");
                var read = parsed.Value!.Elements.Select(e => (e.Key, e.Value)).Order();
                Assert.Equal(expected, read);
                Assert.Equal(data.Gtin.PadLeft(14, '0'), Gs1.Parse(parsed.Value.DigitalLink).Value?.Gtin);
            }
        });

    private static string[] Forms(string gtin, (string Ai, string Value)[] elements) =>
        [Link(gtin, elements), Bracketed(gtin, elements), Raw(gtin, elements)];

    /// <summary>The 14-digit GTIN, then the qualifiers in gtin-path order, then the attributes as a query.</summary>
    private static string Link(string gtin, (string Ai, string Value)[] elements)
    {
        var uri = new StringBuilder("https://brand.example.com/p/01/").Append(gtin.PadLeft(14, '0'));
        foreach (var ai in new[] { "22", "10", "21" })
        {
            foreach (var (_, value) in elements.Where(e => e.Ai == ai))
            {
                uri.Append('/').Append(ai).Append('/').Append(Uri.EscapeDataString(value));
            }
        }

        var query = elements
            .Where(e => e.Ai is not ("22" or "10" or "21"))
            .Select(e => $"{e.Ai}={Uri.EscapeDataString(e.Value)}");
        return uri.Append('?').AppendJoin('&', query.Append("linkType=all")).ToString();
    }

    private static string Bracketed(string gtin, (string Ai, string Value)[] elements) =>
        $"(01){gtin.PadLeft(14, '0')}" + string.Concat(elements.Select(e => $"({e.Ai}){e.Value}"));

    /// <summary>
    /// A separator after each variable-length field but the last, none after a predefined-length one.
    /// </summary>
    private static string Raw(string gtin, (string Ai, string Value)[] elements)
    {
        var raw = new StringBuilder("]d201").Append(gtin.PadLeft(14, '0'));
        for (var i = 0; i < elements.Length; i++)
        {
            var (ai, value) = elements[i];
            raw.Append(ai).Append(value);
            if (ai is not ("17" or "3103") && i < elements.Length - 1)
            {
                raw.Append(Gs1.GroupSeparator);
            }
        }

        return raw.ToString();
    }
}
