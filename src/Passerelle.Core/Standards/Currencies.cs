using System.Collections.Frozen;
using System.Globalization;

namespace Passerelle.Core.Standards;

/// <summary>
/// ISO 4217 currency codes, for sums of money such as the estimated value of seized goods. The codes are ISO 4217
/// list one ("current currency and funds") as Debian's iso-codes 4.15.0 carries it
/// (<c>/usr/share/iso-codes/json/iso_4217.json</c>, kept from the list of the maintenance agency, SIX), without HRK,
/// withdrawn when Croatia adopted the euro on 1 January 2023, and without the codes no goods are priced in, which
/// have no minor unit in list one: gold, silver, palladium and platinum (XAU, XAG, XPD, XPT), the bond-market units
/// (XBA to XBD), XDR, XSU, XUA, the testing code XTS and XXX, "no currency".
/// </summary>
public static class Currencies
{
    private const string ListOne =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD " +
        "CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
        "GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT " +
        "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD " +
        "OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC " +
        "SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XOF " +
        "XPF YER ZAR ZMW ZWL";

    // List one's "minor unit" column: the decimal places a code's amounts take. Every code not named takes 2.
    private const string NoDecimals = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDecimals = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDecimals = "CLF UYW";

    private static readonly FrozenSet<string> Codes = ListOne.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Decimals =
        NoDecimals.Split(' ').Select(c => KeyValuePair.Create(c, 0))
            .Concat(ThreeDecimals.Split(' ').Select(c => KeyValuePair.Create(c, 3)))
            .Concat(FourDecimals.Split(' ').Select(c => KeyValuePair.Create(c, 4)))
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code, in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Codes.Order(StringComparer.Ordinal)];

    /// <summary>Accepts a code as a person types it, in any case and with spaces around it.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static bool IsKnown(string? value) => value is not null && Codes.Contains(Normalize(value));

    /// <summary>The decimal places an amount in <paramref name="code"/> takes: 0 for the yen, 3 for the dinars of
    /// Bahrain, Iraq, Jordan, Kuwait, Libya and Tunisia and the Omani rial, 2 for most.</summary>
    public static int MinorUnits(string code) => Decimals.GetValueOrDefault(Normalize(code), 2);

    /// <summary>Whether <paramref name="amount"/> has no more decimal places than its currency's minor unit.</summary>
    public static bool FitsMinorUnits(decimal amount, string code) => decimal.Round(amount, MinorUnits(code)) == amount;

    /// <summary>
    /// The amount as a reader of <paramref name="culture"/> writes money, with the currency's own decimal places:
    /// "4 800,50 €" in French, "€4,800.50" in English.
    /// A currency without a sign that reader would know unambiguously is shown by its code, set apart by a space:
    /// "CHF 4,800.50", "4 800,50 CHF".
    /// </summary>
    public static string Format(decimal amount, string code, CultureInfo culture)
    {
        code = Normalize(code);
        var number = amount.ToString($"N{MinorUnits(code)}", culture);
        var sign = Sign(code, culture);
        // CurrencyPositivePattern: 0 "¤n", 1 "n¤", 2 "¤ n", 3 "n ¤". A code run into the digits would read as one
        // word, so it is always set apart; the space never breaks, so the sum and its currency stay on one line.
        var pattern = culture.NumberFormat.CurrencyPositivePattern;
        var space = pattern >= 2 || sign == code ? "\u00a0" : "";
        return pattern is 0 or 2 ? $"{sign}{space}{number}" : $"{number}{space}{sign}";
    }

    private static string Sign(string code, CultureInfo culture) => (code, culture.TwoLetterISOLanguageName) switch
    {
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("USD", "fr") => "$US",
        ("USD", _) => "US$",
        _ => code,
    };
}
