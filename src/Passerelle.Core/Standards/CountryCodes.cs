using System.Collections.Frozen;

namespace Passerelle.Core.Standards;

/// <summary>
/// The three-letter codes of ICAO Doc 9303 Part 3 (section 5): ISO 3166-1 alpha-3 codes, except that Germany is
/// <c>D</c>, plus the codes ICAO adds for British nationality classes, Kosovo, organisations, refugees and
/// stateless persons, and the specimen state <c>UTO</c>.
/// </summary>
public static class CountryCodes
{
    private const string Iso3166Alpha3 =
        "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH " +
        "BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB " +
        "CUW CXR CYM CYP CZE DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY " +
        "GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ " +
        "ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC " +
        "MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK " +
        "NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS " +
        "RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD " +
        "TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF " +
        "WSM YEM ZAF ZMB ZWE";

    // Doc 9303 Part 3, 5.1: codes that are not ISO 3166-1 country codes.
    private const string IcaoAdditions =
        "D GBD GBN GBO GBP GBS RKS EUE UNO UNA UNK XBA XCC XCE XCO XDC XEC XES XIM XMP XOM XPO XXA XXB XXC XXX UTO";

    private static readonly FrozenSet<string> Codes =
        $"{Iso3166Alpha3} {IcaoAdditions}".Split(' ').Where(code => code != "DEU").ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Codes;

    /// <summary>
    /// Accepts a code as a person types it, in any case, and as an MRZ writes it, padded with <c>&lt;</c>.
    /// </summary>
    public static string Normalize(string value) => value.Trim().TrimEnd('<').ToUpperInvariant();

    public static bool IsKnown(string value) => Codes.Contains(Normalize(value));

    /// <summary>Why a code is refused, for the message beside the field.</summary>
    public static string Explain(string value) =>
        Normalize(value) == "DEU"
            ? "Germany is 'D' in ICAO Doc 9303, not 'DEU'."
            : $"'{(value.Length <= 12 ? value : value[..12] + "…")}' is not an ICAO Doc 9303 country code.";
}
