using System.Globalization;
using Reporting.Quota;
using ScottPlot;

namespace Reporting.Charts;

/// <summary>PNG charts for the digest and the dashboard, rendered on the server without a display.</summary>
public static class DigestChart
{
    private const string BandLabel = "Khoảng đạt chỉ tiêu";

    private const double BarWidth = 0.6;
    private const double PairWidth = 0.36;
    private const double PairOffset = 0.22;

    private static readonly Color BandFill = Colors.SteelBlue.WithAlpha(0.18);
    private static readonly Color BandLine = Colors.SteelBlue.Darken(0.3);
    private static readonly Color SuspiciousOutline = Colors.Black;
    private static readonly Color VisitorsFill = Colors.LightSteelBlue;

    private static readonly QuotaStatus[] Statuses =
        [QuotaStatus.OnTarget, QuotaStatus.Below, QuotaStatus.Above, QuotaStatus.NotReported];

    /// <summary>One bar of respondents per commune, coloured by status, over its target band.</summary>
    public static byte[] RenderPng(IReadOnlyList<ChartBar> bars, string title, int width = 1200, int height = 700)
    {
        var plot = new Plot();
        plot.Add.Bars(bars.Select((b, i) => RespondentBar(i, BarWidth, b.Quota)).ToList());
        for (var i = 0; i < bars.Count; i++)
        {
            AddBand(plot, i, BarWidth, bars[i].Quota);
        }

        var top = bars.Select(b => Top(b.Quota)).DefaultIfEmpty(0).Max();
        return Render(plot, title, xLabel: "Xã, thị trấn", yLabel: "Số phiếu", bars.Select(b => b.Label).ToList(), StatusLegend(), top, width, height);
    }

    /// <summary>
    /// One commune day by day: visitors beside respondents, the respondents coloured by that day's
    /// status over the day's target band.
    /// </summary>
    public static byte[] RenderDailySeriesPng(
        IReadOnlyList<CommuneDay> days, QuotaOptions quota, string title, int width = 1200, int height = 700)
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
            AddBand(plot, i + PairOffset, PairWidth, verdicts[i]);
        }

        var labels = ordered.Select(d => d.Date.ToString("dd/MM", CultureInfo.InvariantCulture)).ToList();
        LegendItem[] legend = [Swatch("Lượt đến", VisitorsFill), .. StatusLegend()];
        var top = verdicts.Select(q => Math.Max(Top(q), q.Visitors ?? 0)).DefaultIfEmpty(0).Max();
        return Render(plot, title, xLabel: "Ngày", yLabel: "Lượt đến, số phiếu", labels, legend, top, width, height);
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

    private static void AddBand(Plot plot, double x, double barWidth, QuotaResult quota)
    {
        // An empty band (so few visitors that the minimum exceeds the maximum) has nothing to
        // show; the bar's colour already says the day cannot be on target.
        if (quota.Band is { } band && band.Lowest <= band.Highest)
        {
            var half = barWidth * 0.6;
            var rect = plot.Add.Rectangle(x - half, x + half, band.Lowest, band.Highest);
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
        int height)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.SetTicks(tickLabels.Select((_, i) => (double)i).ToArray(), tickLabels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        // Bars grow from zero with room above for their value labels; an empty chart still gets axes.
        plot.Axes.SetLimits(-0.6, Math.Max(tickLabels.Count, 1) - 0.4, 0, Math.Max(top, 10) * 1.12);

        plot.Legend.ManualItems.AddRange(legend);
        plot.Legend.Layout = new HeadroomLegendLayout(plot.Legend.Layout);
        plot.ShowLegend(Edge.Bottom);

        ApplyFont(plot, ChartFont.Name);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    // Set piece by piece rather than with plot.Font.Set, which also changes ScottPlot's process-wide
    // default font and misses the legend and the bars' value labels.
    private static void ApplyFont(Plot plot, string font)
    {
        plot.Axes.Title.Label.FontName = font;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = font;
            axis.TickLabelStyle.FontName = font;
        }

        plot.Legend.FontName = font;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
        {
            bars.ValueLabelStyle.FontName = font;
        }
    }

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
