using Microsoft.Extensions.Options;
using Reporting;
using Reporting.FinalReport;
using Reporting.Quota;
using ZaloBot.Posters;
using ZaloBot.Survey;
using ZaloBot.Dashboard;
using ZaloBot.Volunteers;

namespace ZaloBot.Reports;

/// <summary>
/// The final report (.docx) over the survey days so far, from the same <see cref="DailyFigures"/>
/// as the digest and the exports, with the photos the working groups sent.
/// </summary>
public sealed class FinalReportFile(
    DailyFigures figures,
    PhotoReports photos,
    SurveyCatalog catalog,
    IOptions<PosterOptions> posters,
    IOptions<QuotaOptions> quota,
    TimeProvider clock)
{
    /// <summary>Photos printed in the report: enough to show the desks, few enough to keep the file small.</summary>
    private const int SamplePhotos = 6;

    public string FileName
    {
        get
        {
            var (from, to) = Days;
            return $"pks02-bao-cao-cuoi-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.docx";
        }
    }

    public byte[] Build()
    {
        var (from, to) = Days;
        var inFrame = photos.All()
            .Where(p => DateOnly.FromDateTime(p.Date) >= from && DateOnly.FromDateTime(p.Date) <= to)
            .ToList();
        var input = new FinalReportInput(Title, posters.Value.IssuedBy, from, to, clock.Today(), inFrame.Count, Samples(inFrame));
        return FinalReportDocument.Build(figures.ExportData(from, to), input, quota.Value);
    }

    /// <summary>From the opening day to today, or to the closing day once the survey is over.</summary>
    private (DateOnly From, DateOnly To) Days
    {
        get
        {
            var (opens, closes) = figures.Window;
            var today = clock.Today();
            return (opens, today < opens ? opens : today > closes ? closes : today);
        }
    }

    /// <summary>"Khảo sát …" from the survey file becomes "Kết quả khảo sát …".</summary>
    private string Title
    {
        get
        {
            var title = catalog.Definition.Title.Trim();
            return title.Length == 0 ? "Kết quả khảo sát" : "Kết quả " + char.ToLowerInvariant(title[0]) + title[1..];
        }
    }

    /// <summary>One photo from as many communes as possible, the latest of each, so the report does not show one desk six times.</summary>
    private List<ReportPhoto> Samples(IReadOnlyList<PhotoReport> reports) =>
        reports
            .GroupBy(p => p.CommuneCode)
            .Select(g => g.OrderByDescending(p => p.ReceivedAt).First())
            .OrderBy(p => p.CommuneCode, StringComparer.Ordinal)
            .Take(SamplePhotos)
            .Select(p => photos.Content(p) is { } bytes ? new ReportPhoto(bytes, $"{catalog.Describe(p.CommuneCode)}, {DateOnly.FromDateTime(p.Date):dd/MM/yyyy}") : null)
            .OfType<ReportPhoto>()
            .ToList();
}
