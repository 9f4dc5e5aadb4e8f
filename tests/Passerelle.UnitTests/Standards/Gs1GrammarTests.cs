using Passerelle.Core.Standards;

namespace Passerelle.UnitTests.Standards;

/// <summary>
/// GS1 data is held to its grammars. The GTIN 09506000134352 is the one of the GS1 Digital Link standard's examples.
/// </summary>
public sealed class Gs1GrammarTests
{
    private const string Gtin = "09506000134352";

    private static string? Code(string data) => Gs1.Parse(data).Error?.Code;

    // GS1 Digital Link URI syntax, ABNF: gtin-path = gtin-comp [cpv-comp] [lot-comp] [ser-comp]. The primary key comes
    // first; GS1's toolkit reads the pairs from the end of the path, so a qualifier before the key is no stem.
    [Theory]
    [InlineData("https://id.gs1.org/10/ABC/01/" + Gtin)]
    [InlineData("https://id.gs1.org/21/123/01/" + Gtin)]
    [InlineData("https://id.gs1.org/22/A/10/B/01/" + Gtin + "/21/C")]
    [InlineData("https://brand.example.com/shop/10/ABC/01/" + Gtin)]
    public void A_key_qualifier_before_its_primary_key_is_refused(string uri) =>
        Assert.Equal("gs1.uri-order", Code(uri));

    [Theory]
    [InlineData("/10/A/10/B")]
    [InlineData("/22/A/22/B")]
    [InlineData("/10/A/21/S/21/S")]
    public void A_qualifier_given_twice_in_the_path_is_refused(string qualifiers) =>
        Assert.Equal("gs1.ai-repeated", Code("https://id.gs1.org/01/" + Gtin + qualifiers));

    // The grammar's gs1path holds keys and qualifiers only; a data attribute such as (17) is a query parameter.
    [Theory]
    [InlineData("/17/261231")]
    [InlineData("/10/ABC/17/261231")]
    [InlineData("/235/TPX")]
    public void A_data_attribute_in_the_path_is_refused(string path) =>
        Assert.Equal("gs1.uri-path", Code("https://id.gs1.org/01/" + Gtin + path));

    [Theory]
    [InlineData("?10=ABC", "gs1.uri-query")]
    [InlineData("?01=" + Gtin, "gs1.uri-query")]
    [InlineData("?17=261231&17=270101", "gs1.ai-repeated")]
    [InlineData("?12345=X", "gs1.ai")]
    [InlineData("?17=2612", "gs1.value")]
    public void The_query_string_holds_each_data_attribute_once_and_nothing_else_of_GS1s(string query, string code) =>
        Assert.Equal(code, Code("https://id.gs1.org/01/" + Gtin + "/10/ABC" + query));

    [Fact]
    public void Every_qualifier_in_order_under_a_stem_with_attributes_and_extensions_is_accepted()
    {
        var parsed = Gs1.Parse($"https://brand.example.com/p/01/{Gtin}/22/V1/10/AB%2F1/21/S-9?17=261231&linkType=all");

        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        Assert.Equal(("V1", "AB/1", "S-9"), (parsed.Value!.Variant, parsed.Value.Batch, parsed.Value.Serial));
        Assert.Equal("261231", parsed.Value.Elements["17"]);
    }

    // Found by Gs1Properties: "." and ".." are values of set 82, but a canonicalising URI parser drops them as dot
    // segments (RFC 3986, 5.2.4), so the link read "/21/." as no serial, and the canonical link lost the value.
    [Theory]
    [InlineData(".", "/21/.")]
    [InlineData(".", "/21/%2E")]
    [InlineData("..", "/21/..")]
    [InlineData("..", "/21/%2e%2E")]
    public void A_serial_of_dots_is_read_from_the_path_and_kept_in_the_canonical_link(string serial, string path)
    {
        var parsed = Gs1.Parse($"https://id.gs1.org/01/{Gtin}/10/A{path}");

        Assert.Equal(serial, parsed.Value?.Serial);
        var escaped = string.Concat(Enumerable.Repeat("%2E", serial.Length));
        Assert.EndsWith("/21/" + escaped, parsed.Value!.DigitalLink, StringComparison.Ordinal);
        Assert.Equal(serial, Gs1.Parse(parsed.Value.DigitalLink).Value?.Serial);
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/ABC#top", null)]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/ABC?17=261231#top", "261231")]
    public void A_fragment_is_left_aside_as_a_resolver_never_sees_it(string uri, string? expiry)
    {
        var parsed = Gs1.Parse(uri);

        Assert.Equal("ABC", parsed.Value?.Batch);
        Assert.Equal(expiry, parsed.Value!.Elements.GetValueOrDefault("17"));
    }

    // GS1 General Specifications, figure 7.11-1: set 82 has no '#', '$', '@', '[', '\', ']', '^', '`', '{' to '~' nor
    // space, though they lie between '!' and 'z'.
    [Theory]
    [InlineData("AB#1")]
    [InlineData("AB$1")]
    [InlineData("A@B")]
    [InlineData("A^B")]
    [InlineData("A`B")]
    [InlineData("A[1]")]
    public void A_batch_with_a_character_outside_set_82_is_refused(string batch) =>
        Assert.Equal("gs1.value", Code($"(01){Gtin}(10){batch}"));

    // Raw data, since a bracket inside a bracketed element string cannot be told from the next AI's.
    [Theory]
    [InlineData("A_B-1/2.3")]
    [InlineData("x%(y)*+,:;<=>?'\"")]
    public void A_batch_of_set_82_is_accepted(string batch) =>
        Assert.Equal(batch, Gs1.Parse($"01{Gtin}10{batch}").Value?.Batch);

    // GS1 General Specifications, section 3.2: (17) is N6, (10) is X..20, (20) is N2, (310n) is N6.
    [Theory]
    [InlineData("(17)2612")]
    [InlineData("(17)26123A")]
    [InlineData("(10)ABCDEFGHIJKLMNOPQRSTU")]
    [InlineData("(10)")]
    [InlineData("(20)A1")]
    [InlineData("(3103)12")]
    public void An_element_of_the_wrong_length_or_kind_is_refused(string element) =>
        Assert.Equal("gs1.value", Code($"(01){Gtin}{element}"));

    [Theory]
    [InlineData("(01)" + Gtin + "(123456)X")]
    [InlineData("(01)" + Gtin + "(ab)X")]
    [InlineData("(01)" + Gtin + "(1)X")]
    [InlineData("(01)" + Gtin + "(55)X")]
    public void A_bracket_that_holds_no_AI_is_refused(string data) => Assert.Equal("gs1.element-string", Code(data));

    [Theory]
    [InlineData("(01)" + Gtin + "(10)A(10)B")]
    [InlineData("01" + Gtin + "10A\u001d10B")]
    public void An_AI_given_twice_with_different_data_is_refused(string data) =>
        Assert.Equal("gs1.ai-repeated", Code(data));

    [Fact]
    public void An_AI_repeated_with_the_same_data_is_read_once() =>
        Assert.Equal("A", Gs1.Parse($"(01){Gtin}(10)A(01){Gtin}(10)A").Value?.Batch);

    // GS1 General Specifications, section 3.2: (4300) to (4333) have four digits, (710) to (717) three; no AI begins
    // with 5 or 6.
    [Theory]
    [InlineData("4300ACME", "4300", "ACME")]
    [InlineData("710ABC", "710", "ABC")]
    public void Raw_data_splits_each_AI_at_its_own_length(string element, string ai, string value) =>
        Assert.Equal(value, Gs1.Parse($"01{Gtin}{element}").Value?.Elements[ai]);

    [Fact]
    public void Raw_data_with_an_AI_no_GS1_prefix_starts_is_refused() => Assert.Equal("gs1.ai", Code($"01{Gtin}55X"));

    // ISO/IEC 15424 symbology identifiers: ]C1, ]e0, ]d2, ]Q3 and ]J1 announce GS1 data; ]d1 is a plain DataMatrix.
    [Theory]
    [InlineData("]C1")]
    [InlineData("]d2")]
    [InlineData("]Q3")]
    [InlineData("]e0")]
    [InlineData("]J1")]
    public void A_GS1_symbology_identifier_is_passed_over(string id) =>
        Assert.Equal(Gtin, Gs1.Parse($"{id}01{Gtin}").Value?.Gtin);

    [Theory]
    [InlineData("]d1")]
    [InlineData("]Q1")]
    [InlineData("]")]
    public void Another_symbology_identifier_is_refused(string id) =>
        Assert.Equal("gs1.symbology", Code($"{id}01{Gtin}"));

    // A scanner may send the FNC1 in first position, and one after a predefined-length field, as ASCII 29.
    [Fact]
    public void Group_separators_that_separate_nothing_are_passed_over() =>
        Assert.Equal(("ABC", "261231"), Gs1.Parse($"\u001d01{Gtin}\u001d10ABC\u001d17261231") is { Value: { } v }
            ? (v.Batch, v.Elements["17"])
            : default);
}
