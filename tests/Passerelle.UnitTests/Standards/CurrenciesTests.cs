using System.Globalization;
using Passerelle.Core.Standards;

namespace Passerelle.UnitTests.Standards;

/// <summary>
/// Codes and minor units from ISO 4217:2015, list one "Current currency &amp; funds code list", as published by its
/// maintenance agency, SIX Financial Information (the alphabetic code, numeric code and minor unit columns).
/// </summary>
public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("EUR", 2)] // numeric 978, the euro
    [InlineData("USD", 2)] // 840
    [InlineData("GBP", 2)] // 826
    [InlineData("CHF", 2)] // 756
    [InlineData("JPY", 0)] // 392, yen: no minor unit
    [InlineData("XOF", 0)] // 952, CFA franc BCEAO
    [InlineData("BHD", 3)] // 048, Bahraini dinar
    [InlineData("KWD", 3)] // 414, Kuwaiti dinar
    [InlineData("CLF", 4)] // 990, Unidad de Fomento (funds code)
    public void List_one_codes_are_known_with_their_minor_unit(string code, int minorUnits)
    {
        Assert.True(Currencies.IsKnown(code));
        Assert.Equal(minorUnits, Currencies.MinorUnits(code));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData(" usd ")]
    public void Codes_are_accepted_as_people_type_them(string code) => Assert.True(Currencies.IsKnown(code));

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("€")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ABC")] // never assigned
    [InlineData("FRF")] // French franc: list three (historic), replaced by the euro in 2002
    [InlineData("HRK")] // Croatian kuna: withdrawn when Croatia adopted the euro on 1 January 2023
    [InlineData("XAU")] // gold: in list one, but with no minor unit and no goods priced in it
    [InlineData("XTS")] // reserved for testing
    [InlineData("XXX")] // "no currency"
    public void Other_codes_are_refused(string? code) => Assert.False(Currencies.IsKnown(code));

    [Fact]
    public void The_list_holds_list_ones_currencies_and_each_code_is_three_capital_letters()
    {
        Assert.InRange(Currencies.All.Count, 160, 180);
        Assert.All(Currencies.All, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.Equal(Currencies.All.Order(StringComparer.Ordinal), Currencies.All);
    }

    [Theory]
    [InlineData(4800.50, "EUR", "fr", "4\u202f800,50\u00a0€")]
    [InlineData(4800.50, "EUR", "en", "€4,800.50")]
    [InlineData(4800.50, "USD", "fr", "4\u202f800,50\u00a0$US")]
    [InlineData(4800.50, "USD", "en", "US$4,800.50")]
    [InlineData(4800.50, "CHF", "en", "CHF\u00a04,800.50")]
    [InlineData(4800, "JPY", "fr", "4\u202f800\u00a0JPY")]
    [InlineData(12.345, "KWD", "en", "KWD\u00a012.345")]
    public void Money_is_written_as_the_readers_language_writes_it_with_the_currencys_decimals(
        double amount, string code, string culture, string expected) =>
        Assert.Equal(expected, Currencies.Format((decimal)amount, code, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(4800.5, "EUR", true)]
    [InlineData(4800.505, "EUR", false)]
    [InlineData(4800, "JPY", true)]
    [InlineData(4800.5, "JPY", false)]
    [InlineData(12.345, "KWD", true)]
    public void An_amount_fits_when_it_has_no_more_decimals_than_its_currency_takes(
        double amount, string code, bool fits) =>
        Assert.Equal(fits, Currencies.FitsMinorUnits((decimal)amount, code));
}
