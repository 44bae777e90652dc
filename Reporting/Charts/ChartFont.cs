using SkiaSharp;

namespace Reporting.Charts;

/// <summary>
/// Picks an installed font that has every letter the chart draws. Skia's default typeface on Linux
/// is whichever font it finds first, and with no font at all it draws no text without complaint:
/// a chart with blank labels would reach the Zalo group, so that fails here instead.
/// </summary>
internal static class ChartFont
{
    // Sans faces with Vietnamese coverage, preferred in this order when installed.
    private static readonly string[] Preferred = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Segoe UI"];

    public static string Covering(IEnumerable<string> texts)
    {
        var letters = new string(texts.SelectMany(t => t).Where(char.IsLetterOrDigit).Distinct().ToArray());
        var installed = SKFontManager.Default.FontFamilies.ToList();
        foreach (var family in Preferred.Where(installed.Contains).Concat(installed.Except(Preferred)))
        {
            using var typeface = SKTypeface.FromFamilyName(family);
            if (typeface is not null && typeface.ContainsGlyphs(letters))
            {
                return family;
            }
        }

        throw new InvalidOperationException(
            "No installed font has the Vietnamese letters the chart needs; install one (Debian: apt-get install fonts-dejavu-core).");
    }
}
