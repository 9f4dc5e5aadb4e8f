using Passerelle.Core.Common;

namespace Passerelle.Core.Products;

/// <summary>Every code a product-sheet operation or lookup may fail with.</summary>
public static class ProductErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("product.not-found");

    public static readonly ErrorCode Brand = ErrorCode.Invalid("product.brand");

    public static readonly ErrorCode Name = ErrorCode.Invalid("product.name");

    public static readonly ErrorCode HsCode = ErrorCode.Invalid("product.hs-code");

    /// <summary>A manufacturing country that is not an ICAO Doc 9303 code.</summary>
    public static readonly ErrorCode Country = ErrorCode.Invalid("product.country");

    /// <summary>The description or the counterfeit indicators are too long.</summary>
    public static readonly ErrorCode Text = ErrorCode.Invalid("product.text");

    public static readonly ErrorCode FeatureKind = ErrorCode.Invalid("product.feature-kind");

    public static readonly ErrorCode FeatureText = ErrorCode.Invalid("product.feature-text");

    public static readonly ErrorCode FeatureCountry = ErrorCode.Invalid("product.feature-country");

    /// <summary>A GTIN already belongs to another sheet.</summary>
    public static readonly ErrorCode GtinClaimed = ErrorCode.Conflict("product.gtin-claimed");

    /// <summary>A lookup with nothing to search, or too much.</summary>
    public static readonly ErrorCode Query = ErrorCode.Invalid("product.query");

    /// <summary>A lookup with more digits than any GTIN has, most often two scans glued together.</summary>
    public static readonly ErrorCode GtinTooLong = ErrorCode.Invalid("gtin.too-long");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        NotFound, Brand, Name, HsCode, Country, Text, FeatureKind, FeatureText, FeatureCountry, GtinClaimed, Query,
        GtinTooLong,
    ];
}
