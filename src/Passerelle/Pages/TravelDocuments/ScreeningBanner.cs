using Passerelle.Core.Standards;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Pages.TravelDocuments;

/// <summary>
/// The screening page's banner: a hit is red and a possible match amber, whatever the document check says; a clear
/// answer is green only when the document does not fail its check, and amber "check the document" when it does.
/// </summary>
public enum ScreeningBanner
{
    Hit,
    Possible,
    Check,
    Clear,
}

public static class ScreeningBanners
{
    public static ScreeningBanner For(ScreenResult result) => result.Result switch
    {
        ScreeningOutcome.Hit => ScreeningBanner.Hit,
        ScreeningOutcome.Possible => ScreeningBanner.Possible,
        _ when result.DocumentCheck == DocumentCheck.Fail => ScreeningBanner.Check,
        _ => ScreeningBanner.Clear,
    };

    /// <summary>The banner's style in site.css: <c>banner-hit</c> and its siblings.</summary>
    public static string CssClass(this ScreeningBanner banner) => banner switch
    {
        ScreeningBanner.Hit => "banner-hit",
        ScreeningBanner.Possible => "banner-possible",
        ScreeningBanner.Check => "banner-check",
        _ => "banner-clear",
    };
}
