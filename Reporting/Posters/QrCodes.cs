using System.Drawing;
using QRCoder;

namespace Reporting.Posters;

/// <summary>A commune's QR code as an image, for posters and for download.</summary>
public static class QrCodes
{
    /// <summary>
    /// Quartile (25 %) error correction: posters at a busy desk get creased, smudged and taped
    /// over, and the link is short enough that the code stays small.
    /// </summary>
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.Q;

    /// <summary>Black on white PNG with the standard quiet zone.</summary>
    public static byte[] Png(string content, int pixelsPerModule)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerModule);
        using var data = Encode(content);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>
    /// An <c>&lt;svg&gt;</c> element, one unit per module including the quiet zone, with a viewBox
    /// and no fixed size: it scales crisply to whatever size the page gives it.
    /// </summary>
    public static string Svg(string content)
    {
        using var data = Encode(content);
        var size = data.ModuleMatrix.Count;
        return new SvgQRCode(data).GetGraphic(
            new Size(size, size), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static QRCodeData Encode(string content) => QRCodeGenerator.GenerateQrCode(content, ErrorCorrection);
}
