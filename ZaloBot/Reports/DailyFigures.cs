using Reporting;
using Reporting.Exports;
using ZaloBot.Survey;
using ZaloBot.Volunteers;

namespace ZaloBot.Reports;

/// <summary>
/// Gathers the stored figures into Reporting's plain records: per commune per Vietnam day,
/// visitors (volunteers' reports), respondents (stored responses), photos and people on duty.
/// The digest, the dashboard and the exports all read the same numbers from here.
/// </summary>
public sealed class DailyFigures(SurveyCatalog catalog, ResponseStore responses, VisitorCounts visitors, PhotoReports photos, Roster roster)
{
    public IReadOnlyList<Commune> Communes => catalog.Communes;

    /// <summary>Every commune on every day from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public IReadOnlyList<CommuneDay> Days(DateOnly from, DateOnly to)
    {
        var respondents = responses.CountByCommuneAndDay(catalog.Definition.Id);
        var days = new List<CommuneDay>();
        foreach (var commune in catalog.Communes)
            for (var day = from; day <= to; day = day.AddDays(1))
                days.Add(new CommuneDay(
                    commune.Code,
                    day,
                    visitors.On(commune.Code, day),
                    respondents.GetValueOrDefault((commune.Code, day)),
                    photos.Of(commune.Code, day).Count,
                    roster.OnDuty(commune.Code, day)));
        return days;
    }

    /// <summary>The survey's days so far: from its opening day to <paramref name="today"/> (capped at its closing day).</summary>
    public IReadOnlyList<CommuneDay> SurveyDaysUntil(DateOnly today)
    {
        var (opens, closes) = Window;
        return Days(opens, today < closes ? today : closes);
    }

    /// <summary>The survey window as Vietnam dates.</summary>
    public (DateOnly Opens, DateOnly Closes) Window =>
        (DateOnly.FromDateTime(catalog.Definition.OpensAt), DateOnly.FromDateTime(catalog.Definition.ClosesAt));

    public IReadOnlyList<QuestionInfo> Questions =>
        catalog.Definition.Questions
            .Select(q => new QuestionInfo(q.Id, q.Text, q.Type, q.Options.Select(o => new OptionInfo(o.Id, o.Text)).ToList()))
            .ToList();

    public IReadOnlyList<ResponseRecord> Responses() =>
        responses.All(catalog.Definition.Id)
            .Select(r => new ResponseRecord(
                r.Id,
                r.CommuneCode,
                new DateTimeOffset(r.StartedAt, TimeSpan.Zero),
                new DateTimeOffset(r.SubmittedAt, TimeSpan.Zero),
                r.Answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value),
                r.QualityFlags))
            .ToList();

    /// <summary>Everything the exports need for a date range.</summary>
    public SurveyData ExportData(DateOnly from, DateOnly to) => new(Communes, Questions, Days(from, to), Responses());
}
