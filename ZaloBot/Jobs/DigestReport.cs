using Microsoft.Extensions.Options;
using Reporting.Charts;
using Reporting.Digest;
using Reporting.Quota;
using ZaloBot.Reports;
using ZaloBot.Survey;
using ZaloBot.Volunteers;

namespace ZaloBot.Jobs;

/// <summary>One day's digest: its text in messages that each fit Zalo's limit, and the chart as PNG.</summary>
public sealed record Digest(DateOnly Date, bool IsFinal, IReadOnlyList<string> Messages, byte[] Chart)
{
    public string Text => string.Join("\n\n", Messages);
}

/// <summary>Writes the digest of a Vietnam day from the stored figures (the same the dashboard and exports read).</summary>
public sealed class DigestReport(DailyFigures figures, SurveyCatalog catalog, IStaffStore staff, IOptions<QuotaOptions> quota)
{
    /// <summary>A digest is due on each day of the survey window and on the day after it closes (the final report).</summary>
    public bool IsDue(DateOnly date)
    {
        var (opens, closes) = figures.Window;
        return date >= opens && date <= closes.AddDays(1);
    }

    /// <summary>After the window closes the digest is the final report, judging each commune over the whole survey.</summary>
    public Digest Compose(DateOnly date)
    {
        var volunteers = staff.All().Where(s => s.Role == StaffRole.Commune && s.CommuneCode is not null)
            .GroupBy(s => s.CommuneCode!).ToDictionary(g => g.Key, g => g.Count());
        var input = new DigestInput(catalog.Definition.Id, date, date > figures.Window.Closes, figures.Communes, figures.SurveyDaysUntil(date), quota.Value, volunteers);
        var chart = DigestChart.RenderPng(DigestBuilder.ChartBars(input), StaffTexts.ChartTitle(date, input.IsFinal));
        return new Digest(date, input.IsFinal, DigestBuilder.BuildMessages(input), chart);
    }
}
