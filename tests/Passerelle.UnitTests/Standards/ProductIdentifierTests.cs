using Passerelle.Core.Standards;

namespace Passerelle.UnitTests.Standards;

public sealed class ProductIdentifierTests
{
    // GS1 General Specifications 22.0, 7.9 (check digit calculation); the three numbers are published GS1 examples:
    // an EAN-13 of GS1 UAE, an EAN-8 and a UPC-A.
    [Theory]
    [InlineData("6291041500213", "06291041500213")]
    [InlineData("96385074", "00000096385074")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("09506000134352", "09506000134352")]
    public void Published_GTINs_are_valid_and_normalise_to_GTIN_14(string gtin, string normalized)
    {
        var result = Gtin.Check(gtin);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData("6291041500213")]
    [InlineData("96385074")]
    [InlineData("036000291452")]
    public void Changing_any_one_digit_makes_a_GTIN_invalid_and_the_reason_names_the_expected_digit(string gtin)
    {
        for (var i = 0; i < gtin.Length; i++)
        {
            var changed = gtin[..i] + (char)('0' + ((gtin[i] - '0' + 1) % 10)) + gtin[(i + 1)..];
            var result = Gtin.Check(changed);

            Assert.False(result.Valid, changed);
            var expected = Gtin.CheckDigitOf(changed.AsSpan(0, changed.Length - 1));
            Assert.EndsWith($"should be {expected}.", result.Reason, StringComparison.Ordinal);
        }
    }

    // ISO 6346:2022, Annex A worked example CSQU3054383; a wrong check digit fails.
    [Fact]
    public void Container_numbers_follow_ISO_6346()
    {
        Assert.True(ContainerNumber.Check("CSQU3054383").Valid);
        Assert.True(ContainerNumber.Check("csqu 305438-3").Valid);
        var wrong = ContainerNumber.Check("CSQU3054384");
        Assert.False(wrong.Valid);
        Assert.Contains("should be 3", wrong.Reason, StringComparison.Ordinal);
        Assert.False(ContainerNumber.Check("CSQA3054383").Valid);
    }

    // IMO Resolution A.1117(30), annex: the example 9074729.
    [Fact]
    public void IMO_numbers_carry_their_check_digit()
    {
        Assert.True(ImoNumber.Check("9074729").Valid);
        Assert.True(ImoNumber.Check("IMO 9074729").Valid);
        Assert.Contains("should be 9", ImoNumber.Check("9074728").Reason, StringComparison.Ordinal);
    }

    // HS 2022 nomenclature as shipped (UN Comtrade via datasets/harmonized-system).
    [Theory]
    [InlineData("8517", true)]
    [InlineData("851713", true)]
    [InlineData("85", true)]
    [InlineData("8599", false)]
    [InlineData("999999", false)]
    [InlineData("99", false)]
    [InlineData("85171", false)]
    public void HS_codes_are_checked_against_HS_2022(string code, bool valid) => Assert.Equal(valid, HsCodes.Check(code).Valid);

    // GS1 Digital Link standard 1.4, section 4 example; the same data as an element string and as raw DataMatrix data.
    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/10/ABC123")]
    [InlineData("https://brand.example.com/products/01/9506000134352/10/ABC123?17=261231")]
    [InlineData("(01)09506000134352(10)ABC123")]
    [InlineData("]d20109506000134352" + "10ABC123")]
    [InlineData("010950600013435210ABC123\u001d17261231")]
    public void Every_form_of_GS1_data_gives_the_same_GTIN_and_batch(string data)
    {
        var parsed = Gs1.Parse(data);

        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        Assert.Equal(("09506000134352", "ABC123"), (parsed.Value!.Gtin, parsed.Value.Batch));
        Assert.Equal("https://id.gs1.org/01/09506000134352/10/ABC123", parsed.Value.DigitalLink);
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134353/10/ABC123", "gtin.check-digit")]
    [InlineData("https://id.gs1.org/01/09506000134352/21/S1/10/ABC123", "gs1.uri-order")]
    [InlineData("https://id.gs1.org/gtin/09506000134352", "gs1.uri-gtin")]
    [InlineData("(10)ABC123", "gs1.no-gtin")]
    public void Bad_GS1_data_is_refused_with_a_reason(string data, string code) => Assert.Equal(code, Gs1.Parse(data).Error?.Code);
}
