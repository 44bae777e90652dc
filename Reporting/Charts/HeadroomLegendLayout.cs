using ScottPlot;

namespace Reporting.Charts;

/// <summary>
/// ScottPlot clips legend text to the rows its layout measures, and the rows are measured from the
/// font's ascent, which stacked Vietnamese marks rise above: the acute of "ế" and "ố" or the hook of
/// "ả" on the first row would be cut off ("Thiếu phiếu" drawn as "Thiêu phiêu"). This layout wraps
/// the measured one and moves every item down inside a taller box, so the marks fall within the clip.
/// </summary>
internal sealed class HeadroomLegendLayout(ILegendLayout inner) : ILegendLayout
{
    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        var layout = inner.GetLayout(legend, items, maxSize, paint);
        var headroom = (legend.FontSize ?? 12) * 0.3f;
        var down = new PixelOffset(0, headroom);
        var box = layout.LegendRect;
        return new LegendLayout
        {
            LegendItems = layout.LegendItems,
            LegendRect = new PixelRect(box.Left, box.Right, box.Bottom + 2 * headroom, box.Top),
            LabelRects = layout.LabelRects.Select(r => r.WithOffset(down)).ToArray(),
            SymbolRects = layout.SymbolRects.Select(r => r.WithOffset(down)).ToArray(),
        };
    }
}
