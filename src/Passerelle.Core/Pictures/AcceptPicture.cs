using Passerelle.Core.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Passerelle.Core.Pictures;

/// <summary>
/// The one door for pictures. A file is a JPEG, PNG or WebP by its content, whatever its name or declared type; it is
/// at most 5 MB; it is decoded and encoded again, which drops EXIF, XMP, IPTC and ICC data (places, devices, people)
/// and anything hidden after the image; a 320-pixel thumbnail is made. SVG, HTML and everything else are refused.
/// </summary>
public static class AcceptPicture
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int ThumbnailSize = 320;

    public sealed record Accepted(string ContentType, byte[] Image, byte[] Thumbnail, int Width, int Height);

    /// <summary>
    /// 50 megapixels: a phone's largest photo. A few kilobytes of PNG can claim far more, and decoding it would take
    /// gigabytes.
    /// </summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>
    /// Size, type by content, and pixel count read from the header (at most <paramref name="maxPixels"/>, by default
    /// <see cref="MaxPixels"/>), all before anything is decoded; null when the file may be decoded.
    /// </summary>
    public static Error? Screen(byte[] content, long maxPixels = MaxPixels)
    {
        if (content.LongLength > MaxBytes)
        {
            return PictureErrors.TooLarge.With($"A picture is at most {MaxBytes / 1024 / 1024} MB.");
        }

        if (Sniff(content).Encoder is null)
        {
            return PictureErrors.Type.With(
                "Only JPEG, PNG and WebP pictures are accepted, recognised by their content.");
        }

        try
        {
            var info = Image.Identify(content);
            return info is null ? Unreadable
                : (long)info.Width * info.Height > maxPixels
                    ? PictureErrors.Dimensions.With(
                        $"A picture is at most {maxPixels / 1_000_000} megapixels here; "
                        + $"this one claims {info.Width} × {info.Height}.")
                    : null;
        }
        catch (Exception ex)
            when (ex is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return Unreadable;
        }
    }

    public static async Task<Result<Accepted>> ProcessAsync(byte[] content, CancellationToken ct)
    {
        if (Screen(content) is { } refused)
        {
            return refused;
        }

        var (contentType, encoder) = Sniff(content);
        try
        {
            using var image = Image.Load(content);
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            var clean = await EncodeAsync(image, encoder!, ct);
            var fit = new ResizeOptions { Size = new Size(ThumbnailSize, ThumbnailSize), Mode = ResizeMode.Max };
            image.Mutate(x => x.Resize(fit));
            var thumbnail = await EncodeAsync(image, encoder!, ct);
            return new Accepted(contentType!, clean, thumbnail, image.Width, image.Height);
        }
        catch (Exception ex)
            when (ex is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return Unreadable;
        }
    }

    private static Error Unreadable => PictureErrors.Unreadable.With(
        "The picture could not be read: it is damaged or not what it claims to be.");

    /// <summary>The format from the first bytes (the files' own signatures), never from a name or a header.</summary>
    public static (string? ContentType, IImageEncoder? Encoder) Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", new JpegEncoder { Quality = 85 });
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", new PngEncoder());
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ("image/webp", new WebpEncoder());
        }

        return (null, null);
    }

    private static async Task<byte[]> EncodeAsync(Image image, IImageEncoder encoder, CancellationToken ct)
    {
        using var output = new MemoryStream();
        await image.SaveAsync(output, encoder, ct);
        return output.ToArray();
    }
}
