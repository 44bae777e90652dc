using System.Xml.Linq;
using QRCoder;
using Reporting.Posters;

namespace Reporting.Tests.Posters;

public sealed class QrCodesTests
{
    private static readonly string ZaloLink = QrContent.Render(QrContent.DefaultTemplate, "4318251876547659875", "X07");

    [Fact]
    public void Png_decodes_back_to_the_configured_link()
    {
        var png = QrCodes.Png(ZaloLink, pixelsPerModule: 6);

        Assert.Equal("https://zalo.me/4318251876547659875", QrDecoding.DecodePng(png));
    }

    [Fact]
    public void Png_grows_with_pixels_per_module()
    {
        using var small = SkiaSharp.SKBitmap.Decode(QrCodes.Png(ZaloLink, 2));
        using var large = SkiaSharp.SKBitmap.Decode(QrCodes.Png(ZaloLink, 10));

        Assert.Equal(small.Width * 5, large.Width);
    }

    [Fact]
    public void Png_refuses_a_module_size_of_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QrCodes.Png(ZaloLink, 0));
    }

    [Fact]
    public void Svg_draws_exactly_the_module_matrix_QRCoder_computes_for_the_same_text()
    {
        var modules = QrDecoding.Modules(XElement.Parse(QrCodes.Svg(ZaloLink)));

        using var expected = QRCodeGenerator.GenerateQrCode(ZaloLink, QrCodes.ErrorCorrection);
        Assert.Equal(expected.ModuleMatrix.Count, modules.GetLength(0));
        for (var y = 0; y < modules.GetLength(0); y++)
        {
            for (var x = 0; x < modules.GetLength(1); x++)
            {
                Assert.True(expected.ModuleMatrix[y][x] == modules[y, x], $"Module ({x}, {y}) differs.");
            }
        }
    }

    [Fact]
    public void Svg_rendered_to_pixels_decodes_back_to_the_configured_link()
    {
        var modules = QrDecoding.Modules(XElement.Parse(QrCodes.Svg(ZaloLink)));

        Assert.Equal(ZaloLink, QrDecoding.DecodeModules(modules));
    }

    [Fact]
    public void Svg_has_a_viewBox_and_no_fixed_size_so_the_page_sizes_it()
    {
        var svg = XElement.Parse(QrCodes.Svg(ZaloLink));

        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("height"));
    }
}
