using Reporting.Charts;
using Reporting.Quota;
using SkiaSharp;

namespace Reporting.Tests.Charts;

public sealed class DigestChartTests
{
    private static readonly QuotaOptions Defaults = new();
    private static readonly DateOnly June12 = new(2024, 6, 12);
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ChartBar Bar(string code, int? visitors, int respondents) =>
        new(code, QuotaRule.Evaluate(visitors, respondents, Defaults));

    private static List<ChartBar> TwentyFiveCommunes() => Enumerable.Range(1, 25)
        .Select(i => Bar(i == 25 ? "TT01" : $"X{i:00}", (i % 4) switch { 0 => null, 1 => 30, 2 => 60, _ => 8 }, i * 3))
        .ToList();

    private static SKBitmap Decode(byte[] png)
    {
        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        return SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("PNG does not decode");
    }

    private static int PixelsOf(SKBitmap bitmap, string hex)
    {
        var colour = SKColor.Parse(hex);
        return bitmap.Pixels.Count(p => p == colour);
    }

    [Theory]
    [InlineData(1200, 700)]
    [InlineData(640, 480)]
    public void Commune_chart_is_a_png_of_the_requested_size(int width, int height)
    {
        var png = DigestChart.RenderPng(TwentyFiveCommunes(), "Tiến độ khảo sát PKS02 — ngày 12/06/2024", width, height);

        using var bitmap = Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    [Fact]
    public void Commune_chart_without_communes_still_renders()
    {
        using var bitmap = Decode(DigestChart.RenderPng([], "Chưa có số liệu"));

        Assert.Equal(1200, bitmap.Width);
    }

    [Fact]
    public void Commune_chart_with_nothing_reported_still_renders()
    {
        var bars = Enumerable.Range(1, 25).Select(i => Bar($"X{i:00}", null, 0)).ToList();

        using var bitmap = Decode(DigestChart.RenderPng(bars, "Chưa xã nào báo cáo"));

        Assert.Equal(700, bitmap.Height);
    }

    [Fact]
    public void Bars_take_the_colour_of_their_status()
    {
        // the legend shows every colour in a small swatch; a bar adds far more of its own
        using var onTarget = Decode(DigestChart.RenderPng([Bar("X01", 30, 20)], "Đạt"));
        using var below = Decode(DigestChart.RenderPng([Bar("X01", 30, 9)], "Thiếu phiếu"));

        var green = StatusPalette.Hex(QuotaStatus.OnTarget);
        var orange = StatusPalette.Hex(QuotaStatus.Below);
        Assert.True(PixelsOf(onTarget, green) > PixelsOf(below, green) + 10_000);
        Assert.True(PixelsOf(below, orange) > PixelsOf(onTarget, orange) + 10_000);
    }

    [Fact]
    public void Daily_series_is_a_png_of_the_requested_size()
    {
        CommuneDay[] days =
        [
            new("X01", June12.AddDays(1), 44, 70, 1, []),
            new("X01", June12, 30, 20, 2, []),
            new("X01", June12.AddDays(2), null, 12, 0, []),
        ];

        using var bitmap = Decode(DigestChart.RenderDailySeriesPng(days, Defaults, "Xã Tân Lập — từng ngày", 900, 500));

        Assert.Equal(900, bitmap.Width);
        Assert.Equal(500, bitmap.Height);
    }

    [Fact]
    public void Daily_series_without_days_still_renders()
    {
        using var bitmap = Decode(DigestChart.RenderDailySeriesPng([], Defaults, "Xã Tân Lập — chưa có số liệu"));

        Assert.Equal(1200, bitmap.Width);
    }
}
