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

    /// <summary>
    /// A PNG of a few dozen bytes whose header (IHDR, PNG specification section 11.2.2) claims a huge image: what a
    /// decompression bomb looks like before it is decoded.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(MemoryStream output, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    /// <summary>The CRC-32 of PNG specification annex D.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>A JPEG whose EXIF says where it was taken and by whom.</summary>
    public static byte[] JpegWithExif()
    {
        var image = new Image<Rgba32>(640, 480, new Rgba32(30, 90, 200));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Secret Photographer");
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "SecretCam");
        return Save(image, png: false);
    }

    /// <summary>An EAN-13 barcode as a PNG, drawn by ZXing.Net at the size asked.</summary>
    public static byte[] Ean13(string digits, int width = 400, int height = 200)
    {
        var writer = new BarcodeWriterPixelData
        {
            Format = BarcodeFormat.EAN_13,
            Options = new EncodingOptions { Width = width, Height = height, Margin = 20 },
        };
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
