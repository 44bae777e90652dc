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

        Assert.Equal(1080, bitmap.Width);
    }

    [Fact]
    public void Commune_chart_with_nothing_reported_still_renders()
    {
        var bars = Enumerable.Range(1, 25).Select(i => Bar($"X{i:00}", null, 0)).ToList();

        using var bitmap = Decode(DigestChart.RenderPng(bars, "Chưa xã nào báo cáo"));

        Assert.Equal(1080, bitmap.Width);
    }

    [Fact]
    public void Commune_chart_for_a_phone_is_as_tall_as_its_communes_need()
    {
        using var five = Decode(DigestChart.RenderPng(TwentyFiveCommunes().Take(5).ToList(), "5 xã"));
        using var twentyFive = Decode(DigestChart.RenderPng(TwentyFiveCommunes(), "25 xã"));
        using var forty = Decode(DigestChart.RenderPng([.. TwentyFiveCommunes(), .. TwentyFiveCommunes().Take(15)], "40 xã"));

        Assert.Equal(1080, twentyFive.Width);
        Assert.True(twentyFive.Height > twentyFive.Width, "25 communes need a portrait image");
        // each commune gets the same room whatever their number
        Assert.Equal((twentyFive.Height - five.Height) / 20, (forty.Height - twentyFive.Height) / 15);
        Assert.True((twentyFive.Height - five.Height) / 20 >= 50, "a row is tall enough for 30-pixel labels");
    }

    [Fact]
    public void A_chart_of_hundreds_of_communes_shows_the_forty_furthest_behind_and_stays_under_zalos_1_mb()
    {
        var many = Enumerable.Range(0, 20).SelectMany(_ => TwentyFiveCommunes()).ToList();
        var png = DigestChart.RenderPng(many, "500 xã");
        using var forty = Decode(DigestChart.RenderPng(many.Take(DigestChart.MaxBars).ToList(), "40 xã"));
        using var chart = Decode(png);

        Assert.Equal(forty.Height, chart.Height);
        Assert.True(png.Length < 1024 * 1024, $"the chart has {png.Length} bytes");
    }

    [Fact]
    public void Communes_furthest_behind_come_first()
    {
        ChartBar[] bars =
        [
            Bar("X01 Đạt", 30, 20),
            Bar("X02 Vượt", 12, 20),
            Bar("X03 Ít người", 4, 3),
            Bar("X04 Chưa báo", null, 5),
            Bar("X05 Thiếu nhiều", 30, 3),
            Bar("X06 Thiếu ít", 30, 12),
        ];

        var order = DigestChart.BehindFirst(bars).Select(b => b.Label);

        Assert.Equal(["X05 Thiếu nhiều", "X06 Thiếu ít", "X04 Chưa báo", "X03 Ít người", "X02 Vượt", "X01 Đạt"], order);
    }

    [Fact]
    public void The_commune_behind_is_drawn_at_the_top()
    {
        // given on target first: the chart still puts the commune below target on top
        using var bitmap = Decode(DigestChart.RenderPng([Bar("X01 Tân Lập", 30, 40), Bar("X02 Bình An", 30, 12)], "Hai xã"));

        var orange = SKColor.Parse(StatusPalette.Hex(QuotaStatus.Below));
        var green = SKColor.Parse(StatusPalette.Hex(QuotaStatus.OnTarget));
        var rows = Enumerable.Range(0, bitmap.Height).ToList();
        var orangeRows = rows.Where(y => Enumerable.Range(0, bitmap.Width).Any(x => bitmap.GetPixel(x, y) == orange)).ToList();
        var greenRows = rows.Where(y => Enumerable.Range(0, bitmap.Width).Count(x => bitmap.GetPixel(x, y) == green) > 100).ToList();
        Assert.NotEmpty(greenRows);
        Assert.True(orangeRows.Where(y => y < greenRows.Min()).Count() > 20, "the orange bar is above the green one");
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
