using Passerelle.Core.Standards;

namespace Passerelle.UnitTests.Standards;

/// <summary>Codes from ICAO Doc 9303 Part 3, 8th edition (2021), section 5 "Codes for nationality, place of birth, location of issuing state/authority".</summary>
public sealed class CountryCodesTests
{
    [Theory]
    [InlineData("FRA")]
    [InlineData("BEL")]
    [InlineData("D")]
    [InlineData("UNO")]
    [InlineData("UNA")]
    [InlineData("UNK")]
    [InlineData("XXA")]
    [InlineData("XXB")]
    [InlineData("XXC")]
    [InlineData("XXX")]
    [InlineData("UTO")]
    [InlineData("EUE")]
    [InlineData("GBD")]
    [InlineData("RKS")]
    [InlineData("XPO")]
    public void ICAO_codes_are_known(string code) => Assert.True(CountryCodes.IsKnown(code));

    [Theory]
    [InlineData("fra")]
    [InlineData(" bel ")]
    [InlineData("D<<")]
    [InlineData("d")]
    public void Codes_are_accepted_as_people_and_MRZs_write_them(string code) => Assert.True(CountryCodes.IsKnown(code));

    [Theory]
    [InlineData("XYZ")]
    [InlineData("FR")]
    [InlineData("")]
    [InlineData("FRAN")]
    [InlineData("DEU")]
    public void Other_codes_are_refused(string code) => Assert.False(CountryCodes.IsKnown(code));

    [Fact]
    public void Germany_written_DEU_is_refused_with_the_ICAO_code_in_the_reason() =>
        Assert.Contains("'D'", CountryCodes.Explain("deu"), StringComparison.Ordinal);

    [Fact]
    public void The_list_holds_every_ISO_3166_country_but_DEU_plus_the_ICAO_additions() =>
        Assert.Equal(249 - 1 + 27, CountryCodes.All.Count);
}
