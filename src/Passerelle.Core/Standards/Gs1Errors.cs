using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>Every code reading GS1 data (a Digital Link, an element string, a GTIN) may fail with.</summary>
public static class Gs1Errors
{
    /// <summary>A Digital Link that is not an http or https URI.</summary>
    public static readonly ErrorCode Uri = ErrorCode.Invalid("gs1.uri");

    /// <summary>A Digital Link whose path does not end with /01/ and a GTIN.</summary>
    public static readonly ErrorCode UriGtin = ErrorCode.Invalid("gs1.uri-gtin");
    public static readonly ErrorCode UriOrder = ErrorCode.Invalid("gs1.uri-order");
    public static readonly ErrorCode UriPath = ErrorCode.Invalid("gs1.uri-path");
    public static readonly ErrorCode UriQuery = ErrorCode.Invalid("gs1.uri-query");

    /// <summary>No known application identifier where one should be.</summary>
    public static readonly ErrorCode Ai = ErrorCode.Invalid("gs1.ai");
    public static readonly ErrorCode AiRepeated = ErrorCode.Invalid("gs1.ai-repeated");
    public static readonly ErrorCode ElementString = ErrorCode.Invalid("gs1.element-string");
    public static readonly ErrorCode Symbology = ErrorCode.Invalid("gs1.symbology");

    /// <summary>Fewer characters follow an AI than it takes.</summary>
    public static readonly ErrorCode Length = ErrorCode.Invalid("gs1.length");
    public static readonly ErrorCode NoGtin = ErrorCode.Invalid("gs1.no-gtin");

    /// <summary>A value its AI does not allow.</summary>
    public static readonly ErrorCode Value = ErrorCode.Invalid("gs1.value");

    /// <summary>A GTIN whose check digit is wrong, wherever it was given.</summary>
    public static readonly ErrorCode GtinCheckDigit = ErrorCode.Invalid("gtin.check-digit");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        Uri, UriGtin, UriOrder, UriPath, UriQuery, Ai, AiRepeated, ElementString, Symbology, Length, NoGtin, Value,
        GtinCheckDigit,
    ];
}
