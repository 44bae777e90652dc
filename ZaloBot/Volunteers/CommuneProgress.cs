using Microsoft.Extensions.Options;
using Reporting.Quota;
using ZaloBot.Reports;
using ZaloBot.Survey;

namespace ZaloBot.Volunteers;

/// <summary>TIENDO: a commune's figures today, judged by the quota rule, from the same numbers as the digest.</summary>
public sealed class CommuneProgress(DailyFigures figures, SurveyCatalog catalog, IOptions<QuotaOptions> quota)
{
    public string Describe(string commune, DateOnly today, StaffRole viewer)
    {
        var days = figures.SurveyDaysUntil(today, commune);
        var day = figures.Days(today, today, commune).Single();
        var verdict = QuotaRule.Evaluate(day.Visitors, day.Respondents, quota.Value);
        return StaffTexts.Progress(catalog.Describe(commune), day, verdict, days.Sum(d => d.Respondents), viewer);
    }
}
