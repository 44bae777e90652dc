using System.Reflection;

namespace Reporting.Charts;

/// <summary>
/// The chart's font, shipped with the library (DejaVu Sans, which has every Vietnamese letter).
/// Skia on Linux draws no text at all when the machine has no font, without complaint, and a chart
/// with blank labels would reach the Zalo group; shipping the font makes the output the same on
/// every machine, including a fresh one with nothing installed.
/// </summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans (chart)";

    private static readonly Lazy<string> Registered = new(Register);

    /// <summary>The family name to give ScottPlot; the font files are registered on first use.</summary>
    public static string Name => Registered.Value;

    private static string Register()
    {
        var folder = Path.Combine(Path.GetTempPath(), "survey-chart-fonts");
        Directory.CreateDirectory(folder);
        ScottPlot.Fonts.AddFontFile(Family, Extract("DejaVuSans.ttf", folder), bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, Extract("DejaVuSans-Bold.ttf", folder), bold: true, italic: false);
        return Family;
    }

    private static string Extract(string file, string folder)
    {
        var path = Path.Combine(folder, file);
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("Reporting.Charts.Fonts." + file)
            ?? throw new InvalidOperationException("The chart font " + file + " is missing from the build.");
        if (File.Exists(path) && new FileInfo(path).Length == resource.Length)
            return path;
        var temp = path + "." + Guid.NewGuid().ToString("N");
        using (var output = File.Create(temp))
            resource.CopyTo(output);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
