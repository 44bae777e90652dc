using System.Globalization;
using Reporting.Quota;
using ScottPlot;

namespace Reporting.Charts;

/// <summary>PNG charts for the digest and the dashboard, rendered on the server without a display.</summary>
public static class DigestChart
{
    private const string BandLabel = "Khoảng đạt chỉ tiêu";

    private const double BarWidth = 0.6;

    // A phone shows a Zalo image about 360 points wide: at 1080 pixels every pixel is a third of a
    // point, so 30-pixel labels read as 10-point type.
    private const int PhoneWidth = 1080;
    private const int RowHeight = 58;
    private static readonly FontSizes PhoneType = new(Title: 40, Labels: 30, Values: 28);
    private static readonly FontSizes DeskType = new(Title: 22, Labels: 18, Values: 16);
    private const double PairWidth = 0.36;
    private const double PairOffset = 0.22;

    private static readonly Color BandFill = Colors.SteelBlue.WithAlpha(0.18);
    private static readonly Color BandLine = Colors.SteelBlue.Darken(0.3);
    private static readonly Color SuspiciousOutline = Colors.Black;
    private static readonly Color VisitorsFill = Colors.LightSteelBlue;

    private static readonly QuotaStatus[] Statuses =
        [QuotaStatus.OnTarget, QuotaStatus.Below, QuotaStatus.Above, QuotaStatus.NotReported];

    /// <summary>
    /// One row per commune, read on a phone: the commune's label on the left in large type, a bar of
    /// respondents coloured by status across its target band, the communes furthest behind at the top.
    /// The height follows the number of communes unless given.
    /// </summary>
    /// <summary>The most communes one phone chart shows.</summary>
    public const int MaxBars = 40;

    public static byte[] RenderPng(IReadOnlyList<ChartBar> bars, string title, int width = PhoneWidth, int? height = null)
    {
        // A district of hundreds of communes would make a picture no phone can read (and past the
        // 1 MB Zalo takes): the chart shows the communes furthest behind, and says so.
        var ordered = BehindFirst(bars).Take(MaxBars).ToList();
        if (bars.Count > MaxBars)
            title += $" ({MaxBars}/{bars.Count} xã chậm nhất)";
        // ScottPlot counts rows upwards: the first commune gets the highest position, the top row.
        double Row(int index) => ordered.Count - 1 - index;
        var plot = new Plot();
        var barPlot = plot.Add.Bars(ordered.Select((b, i) => RespondentBar(Row(i), BarWidth, b.Quota)).ToList());
        barPlot.Horizontal = true;
        for (var i = 0; i < ordered.Count; i++)
        {
            AddBand(plot, Row(i), BarWidth, ordered[i].Quota, horizontal: true);
        }

        plot.Title(title);
        plot.XLabel("Số phiếu");
        plot.Axes.Left.SetTicks(ordered.Select((_, i) => Row(i)).ToArray(), ordered.Select(b => b.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var top = ordered.Select(b => Top(b.Quota)).DefaultIfEmpty(0).Max();
        // Room on the right for the value labels; an empty chart still gets axes.
        plot.Axes.SetLimits(0, Math.Max(top, 10) * 1.15, -0.6, Math.Max(ordered.Count, 1) - 0.4);
        AddLegend(plot, StatusLegend());
        ApplyFont(plot, ChartFont.Name, PhoneType);
        return plot.GetImageBytes(width, height ?? PhoneHeight(ordered.Count), ImageFormat.Png);
    }

    /// <summary>
    /// The order of the commune chart: furthest below the band first (least of the minimum reached),
    /// then communes without a visitor count, then those whose visitors were too few for any band,
    /// then those over the band, then those on target; the survey order within each.
    /// </summary>
    public static IReadOnlyList<ChartBar> BehindFirst(IEnumerable<ChartBar> bars) => bars
        .Select((bar, index) => (bar, index))
        .OrderBy(x => Behind(x.bar.Quota))
        .ThenBy(x => x.bar.Quota is { Status: QuotaStatus.Below, HasBand: true, Band: { } band } && band.Lowest > 0
            ? (double)x.bar.Quota.Respondents / band.Lowest
            : 0)
        .ThenBy(x => x.index)
        .Select(x => x.bar)
        .ToList();

    private static int Behind(QuotaResult quota) => quota switch
    {
        { Status: QuotaStatus.Below, HasBand: true } => 0,
        { Status: QuotaStatus.NotReported } => 1,
        { HasBand: false } => 2,
        { Status: QuotaStatus.Above } => 3,
        _ => 4,
    };

    /// <summary>A row per commune below the title, the axis and a legend of two or three lines.</summary>
    private static int PhoneHeight(int rows) => 420 + RowHeight * Math.Max(rows, 1);

    /// <summary>
    /// One commune day by day: visitors beside respondents, the respondents coloured by that day's
    /// status over the day's target band.
    /// </summary>
    /// <param name="forPhone">Type sized for a phone screen about 390 px wide, on which the image is shrunk to a third.</param>
    public static byte[] RenderDailySeriesPng(
        IReadOnlyList<CommuneDay> days, QuotaOptions quota, string title, int width = 1200, int height = 700, bool forPhone = false)
    {
        var ordered = days.OrderBy(d => d.Date).ToList();
        var verdicts = ordered.Select(d => QuotaRule.Evaluate(d.Visitors, d.Respondents, quota)).ToList();
        var plot = new Plot();
        plot.Add.Bars(verdicts
            .Select((q, i) => q.Visitors is { } visitors ? VisitorBar(i - PairOffset, visitors) : null)
            .OfType<Bar>()
            .ToList());
        plot.Add.Bars(verdicts.Select((q, i) => RespondentBar(i + PairOffset, PairWidth, q)).ToList());
        for (var i = 0; i < verdicts.Count; i++)
        {
            AddBand(plot, i + PairOffset, PairWidth, verdicts[i], horizontal: false);
        }

        var labels = ordered.Select(d => d.Date.ToString("dd/MM", CultureInfo.InvariantCulture)).ToList();
        LegendItem[] legend = [Swatch("Lượt đến", VisitorsFill), .. StatusLegend()];
        var top = verdicts.Select(q => Math.Max(Top(q), q.Visitors ?? 0)).DefaultIfEmpty(0).Max();
        return Render(plot, title, xLabel: "Ngày", yLabel: "Lượt đến, số phiếu", labels, legend, top, width, height, forPhone ? PhoneType : DeskType);
    }

    private static Bar VisitorBar(double x, int visitors) => new()
    {
        Position = x,
        Value = visitors,
        Size = PairWidth,
        FillColor = VisitorsFill,
        LineWidth = 0,
        Label = Count(visitors),
    };

    private static Bar RespondentBar(double x, double barWidth, QuotaResult quota) => new()
    {
        Position = x,
        Value = quota.Respondents,
        Size = barWidth,
        FillColor = StatusColor(quota.Status),
        LineColor = quota.Suspicious ? SuspiciousOutline : Colors.Transparent,
        LineWidth = quota.Suspicious ? 3 : 0,
        Label = Count(quota.Respondents),
    };

    private static void AddBand(Plot plot, double position, double barWidth, QuotaResult quota, bool horizontal)
    {
        // An empty band (so few visitors that the minimum exceeds the maximum) has nothing to
        // show; the bar's colour already says the day cannot be on target.
        if (quota.Band is { } band && quota.HasBand)
        {
            var half = barWidth * 0.6;
            var rect = horizontal
                ? plot.Add.Rectangle(band.Lowest, band.Highest, position - half, position + half)
                : plot.Add.Rectangle(position - half, position + half, band.Lowest, band.Highest);
            rect.FillColor = BandFill;
            rect.LineColor = BandLine;
            rect.LineWidth = 1.5f;
            rect.LinePattern = LinePattern.Dashed;
        }
    }

    private static byte[] Render(
        Plot plot,
        string title,
        string xLabel,
        string yLabel,
        IReadOnlyList<string> tickLabels,
        IReadOnlyList<LegendItem> legend,
        int top,
        int width,
        int height,
        FontSizes? sizes = null)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.SetTicks(tickLabels.Select((_, i) => (double)i).ToArray(), tickLabels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        // Bars grow from zero with room above for their value labels; an empty chart still gets axes.
        plot.Axes.SetLimits(-0.6, Math.Max(tickLabels.Count, 1) - 0.4, 0, Math.Max(top, 10) * 1.12);

        AddLegend(plot, legend);
        ApplyFont(plot, ChartFont.Name, sizes ?? DeskType);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void AddLegend(Plot plot, IReadOnlyList<LegendItem> legend)
    {
        plot.Legend.ManualItems.AddRange(legend);
        plot.Legend.Layout = new HeadroomLegendLayout(plot.Legend.Layout);
        plot.ShowLegend(Edge.Bottom);
    }

    // Set piece by piece rather than with plot.Font.Set, which also changes ScottPlot's process-wide
    // default font and misses the legend and the bars' value labels.
    private static void ApplyFont(Plot plot, string font, FontSizes sizes)
    {
        plot.Axes.Title.Label.FontName = font;
        plot.Axes.Title.Label.FontSize = sizes.Title;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = font;
            axis.Label.FontSize = sizes.Labels;
            axis.TickLabelStyle.FontName = font;
            axis.TickLabelStyle.FontSize = sizes.Labels;
        }

        plot.Legend.FontName = font;
        plot.Legend.FontSize = sizes.Values;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
        {
            bars.ValueLabelStyle.FontName = font;
            bars.ValueLabelStyle.FontSize = sizes.Values;
        }
    }

    private sealed record FontSizes(float Title, float Labels, float Values);

    /// <summary>The highest value a commune puts on the chart: its bar or its band's top.</summary>
    private static int Top(QuotaResult quota) => Math.Max(quota.Respondents, quota.Band?.Highest ?? 0);

    private static LegendItem[] StatusLegend() =>
    [
        .. Statuses.Select(s => Swatch(s.Label(), StatusColor(s))),
        new() { LabelText = BandLabel, FillColor = BandFill, OutlineColor = BandLine, OutlineWidth = 1.5f },
        new() { LabelText = QuotaLabels.Suspicious, FillColor = Colors.White, OutlineColor = SuspiciousOutline, OutlineWidth = 3 },
    ];

    private static LegendItem Swatch(string label, Color fill) => new() { LabelText = label, FillColor = fill };

    private static Color StatusColor(QuotaStatus status) => Color.FromHex(StatusPalette.Hex(status));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
