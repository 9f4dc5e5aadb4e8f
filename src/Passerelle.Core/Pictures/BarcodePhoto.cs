using Passerelle.Core.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using ZXing;
using ZXing.Common;

namespace Passerelle.Core.Pictures;

/// <summary>
/// Reads the barcode in a photo taken at the border (EAN/UPC, GS1-128, DataMatrix or a QR Digital Link), on the
/// server. A barcode needs far fewer pixels than a product picture: the photo is capped lower, read in grey, and shrunk
/// before the reader scans it, which keeps each decoding small and quick.
/// </summary>
public sealed class BarcodePhoto(ImageWork work)
{
    /// <summary>12 megapixels, a phone camera's usual photo, judged from the header before any decoding.</summary>
    public const long MaxPixels = 12_000_000;

    /// <summary>The long side the reader scans: about 2 megapixels, ample for a barcode in part of the frame.</summary>
    public const int ReadSide = 2048;

    public async Task<Result<string>> DecodeAsync(byte[] content, CancellationToken ct)
    {
        if (AcceptPicture.Screen(content, MaxPixels) is { } refused)
        {
            return refused;
        }

        return await work.RunAsync(() => Task.FromResult(Read(content)), ct);
    }

    /// <summary>The size the reader scans: the photo's own, or shrunk to <see cref="ReadSide"/> at most.</summary>
    public static Size ReadSize(int width, int height)
    {
        var longSide = Math.Max(width, height);
        return longSide <= ReadSide
            ? new Size(width, height)
            : new Size(Shrink(width, longSide), Shrink(height, longSide));
    }

    private static int Shrink(int side, int longSide) => Math.Max(1, (int)((long)side * ReadSide / longSide));

    private static Result<string> Read(byte[] content)
    {
        try
        {
            // Luminance is all a barcode reader uses: one byte a pixel instead of four.
            using var image = Image.Load<L8>(content);
            var size = ReadSize(image.Width, image.Height);
            if (size.Width != image.Width)
            {
                image.Mutate(x => x.Resize(size));
            }

            var pixels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            var reader = new BarcodeReaderGeneric
            {
                AutoRotate = true,
                Options = new DecodingOptions
                {
                    TryHarder = true,
                    PossibleFormats =
                    [
                        BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E,
                        BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE,
                    ],
                },
            };
            var result = reader.Decode(
                new RGBLuminanceSource(pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8));
            return result is null
                ? PictureErrors.BarcodeNotFound.With(
                    "No barcode could be read in the photo; hold it flat and closer, or type the number.", "photo")
                : result.Text;
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException)
        {
            return PictureErrors.Unreadable.With("The photo could not be read.");
        }
    }
}
