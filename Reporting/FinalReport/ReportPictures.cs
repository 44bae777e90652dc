using SkiaSharp;

namespace Reporting.FinalReport;

/// <summary>A photo made ready for the document: upright, at most print size, as JPEG.</summary>
internal sealed record ReportPicture(byte[] Jpeg, int Width, int Height, string? Caption);

internal static class ReportPictures
{
    // Enough for a 15 cm wide print at about 200 dpi, and a phone photo of several MB shrinks to a few hundred KB.
    private const int MaxSide = 1600;

    /// <summary>
    /// Decodes any format Skia reads (JPEG, PNG, WebP, GIF), turns it upright as the camera recorded,
    /// scales it down and writes JPEG, which every Word opens. Null for bytes that are not a picture.
    /// </summary>
    public static ReportPicture? Prepare(ReportPhoto photo)
    {
        using var data = SKData.CreateCopy(photo.Bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(upright.Width * scale)), Math.Max(1, (int)(upright.Height * scale)));
        using var scaled = scale < 1.0 ? upright.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) : upright.Copy();
        using var image = SKImage.FromBitmap(scaled);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return new ReportPicture(jpeg.ToArray(), scaled.Width, scaled.Height, photo.Caption);
    }

    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return bitmap.Copy();
        }

        var sideways = degrees != 180;
        var rotated = new SKBitmap(sideways ? bitmap.Height : bitmap.Width, sideways ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(rotated);
        canvas.Clear(SKColors.White);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return rotated;
    }
}
