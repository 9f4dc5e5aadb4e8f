using Passerelle.Core.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using ZXing;
using ZXing.Common;

namespace Passerelle.Core.Pictures;

/// <summary>Reads the barcode in a photo taken at the border (EAN/UPC, GS1-128, DataMatrix or a QR Digital Link), on the server.</summary>
public static class BarcodePhoto
{
    public static Result<string> Decode(byte[] content)
    {
        if (AcceptPicture.Screen(content) is { } refused)
        {
            return refused;
        }

        try
        {
            using var image = Image.Load<Rgba32>(content);
            var pixels = new byte[image.Width * image.Height * 4];
            image.CopyPixelDataTo(pixels);
            var reader = new BarcodeReaderGeneric
            {
                AutoRotate = true,
                Options = new DecodingOptions
                {
                    TryHarder = true,
                    PossibleFormats = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE],
                },
            };
            var result = reader.Decode(new RGBLuminanceSource(pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32));
            return result is null
                ? Error.Invalid("barcode.not-found", "No barcode could be read in the photo; hold it flat and closer, or type the number.", "photo")
                : result.Text;
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException)
        {
            return new Error("picture.unreadable", "The photo could not be read.", ErrorKind.Unsupported);
        }
    }
}
