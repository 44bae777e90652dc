using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Reporting.Tests.Posters;

/// <summary>Reads QR codes back the way a phone would: from pixels, with ZXing.</summary>
internal static partial class QrDecoding
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string DecodePng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("Not a PNG image.");
        var gray = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                gray[(y * bitmap.Width) + x] = (byte)((pixel.Red + pixel.Green + pixel.Blue) / 3);
            }
        }

        return Decode(gray, bitmap.Width, bitmap.Height);
    }

    /// <summary>
    /// Reads the dark modules out of an <c>&lt;svg&gt;</c> QR as QRCoder draws it: one path of
    /// one-module-high runs ("M x y h w v1 h-w z"), in module units.
    /// </summary>
    public static bool[,] Modules(XElement svg)
    {
        Assert.Equal(Svg + "svg", svg.Name);
        var viewBox = ((string?)svg.Attribute("viewBox") ?? "").Split(' ').Select(int.Parse).ToArray();
        Assert.Equal(0, viewBox[0]);
        Assert.Equal(0, viewBox[1]);
        Assert.Equal(viewBox[2], viewBox[3]);
        var size = viewBox[2];

        var path = (string?)Assert.Single(svg.Elements(Svg + "path")).Attribute("d") ?? "";
        var runs = Run().Matches(path);
        Assert.Equal(path, string.Concat(runs.Select(r => r.Value)));
        var modules = new bool[size, size];
        foreach (Match run in runs)
        {
            var (x, y, width) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture));
            Assert.Equal(width, int.Parse(run.Groups[4].Value, CultureInfo.InvariantCulture));
            for (var dx = 0; dx < width; dx++)
            {
                modules[y, x + dx] = true;
            }
        }

        return modules;
    }

    public static string DecodeModules(bool[,] modules, int pixelsPerModule = 8)
    {
        var size = modules.GetLength(0) * pixelsPerModule;
        var gray = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                gray[(y * size) + x] = modules[y / pixelsPerModule, x / pixelsPerModule] ? (byte)0 : (byte)255;
            }
        }

        return Decode(gray, size, size);
    }

    private static string Decode(byte[] gray, int width, int height)
    {
        var source = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        return result?.Text ?? throw new InvalidDataException("No QR code found.");
    }

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-(\d+)z")]
    private static partial Regex Run();
}
