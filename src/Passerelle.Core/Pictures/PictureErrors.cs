using Passerelle.Core.Common;

namespace Passerelle.Core.Pictures;

/// <summary>Every code a picture, a photo or a barcode read from one may fail with.</summary>
public static class PictureErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("picture.not-found");

    /// <summary>The picture's row is there but its file is not in the blob store.</summary>
    public static readonly ErrorCode Missing = ErrorCode.NotFound("picture.missing");

    public static readonly ErrorCode TooLarge = ErrorCode.TooLarge("picture.too-large");

    /// <summary>Not a JPEG, PNG or WebP, judged by the content.</summary>
    public static readonly ErrorCode Type = ErrorCode.Unsupported("picture.type");

    /// <summary>More pixels than may be decoded, as the header claims.</summary>
    public static readonly ErrorCode Dimensions = ErrorCode.TooLarge("picture.dimensions");

    public static readonly ErrorCode Unreadable = ErrorCode.Unsupported("picture.unreadable");

    public static readonly ErrorCode Caption = ErrorCode.Invalid("picture.caption");

    /// <summary>Every slot for picture work is taken; the same picture may be sent again in a moment.</summary>
    public static readonly ErrorCode Busy = ErrorCode.Busy("pictures.busy");

    public static readonly ErrorCode BarcodeNotFound = ErrorCode.Invalid("barcode.not-found");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
        [NotFound, Missing, TooLarge, Type, Dimensions, Unreadable, Caption, Busy, BarcodeNotFound];
}
