using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using ZXing;
using ZXing.Common;

namespace Passerelle.IntegrationTests.Support;

/// <summary>Pictures made in the test: plain images, images carrying EXIF data, and barcodes drawn by ZXing.Net.</summary>
public static class Pictures
{
    public static byte[] Png(int width, int height) => Save(new Image<Rgba32>(width, height, new Rgba32(200, 30, 30)), png: true);

    public static byte[] Jpeg(int width, int height) => Save(new Image<Rgba32>(width, height, new Rgba32(240, 200, 40)), png: false);

    /// <summary>A JPEG whose EXIF says where it was taken and by whom.</summary>
    public static byte[] JpegWithExif()
    {
        var image = new Image<Rgba32>(640, 480, new Rgba32(30, 90, 200));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Secret Photographer");
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "SecretCam");
        return Save(image, png: false);
    }

    /// <summary>An EAN-13 barcode as a PNG, drawn by ZXing.Net.</summary>
    public static byte[] Ean13(string digits)
    {
        var writer = new BarcodeWriterPixelData { Format = BarcodeFormat.EAN_13, Options = new EncodingOptions { Width = 400, Height = 200, Margin = 20 } };
        var pixels = writer.Write(digits);
        using var image = Image.LoadPixelData<Bgra32>(pixels.Pixels, pixels.Width, pixels.Height);
        return Save(image.CloneAs<Rgba32>(), png: true);
    }

    private static byte[] Save(Image<Rgba32> image, bool png)
    {
        using (image)
        using (var output = new MemoryStream())
        {
            if (png)
            {
                image.SaveAsPng(output);
            }
            else
            {
                image.SaveAsJpeg(output);
            }

            return output.ToArray();
        }
    }
}
