using ZaloBot.Storage;
using Reporting;
using Reporting.Exports;
using ZaloBot.Conversation;
using ZaloBot.Survey;
using ZaloBot.Volunteers;

namespace ZaloBot.Reports;

/// <summary>
/// Gathers the stored figures into Reporting's plain records: per commune per Vietnam day,
/// visitors (volunteers' reports), respondents (counted as each response is stored), photos and
/// people on duty: the roster's, or, where the roster names nobody, the volunteers who gave their name
/// (TEN) and reported that day. The digest, the dashboard and the exports all read the same numbers from here;
/// none of them reads the responses themselves, except the exports that list them.
/// </summary>
public sealed class DailyFigures(SurveyCatalog catalog, IResponseStore responses, VisitorCounts visitors, PhotoReports photos, Roster roster, IStaffStore staff)
{
    public IReadOnlyList<Commune> Communes => catalog.Communes;

    /// <summary>
    /// Every commune (or only <paramref name="commune"/>) on every day from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive. Who was on duty comes from the roster; with
    /// <paramref name="reporters"/> a day the roster leaves empty also names the staff who reported
    /// it, which reads each reported day's history: the QCDC sheet and the commune page want it, the
    /// digest and the overview do not.
    /// </summary>
    public IReadOnlyList<CommuneDay> Days(DateOnly from, DateOnly to, string? commune = null, bool reporters = false)
    {
        var respondents = responses.CountByCommuneAndDay(catalog.Definition.Id, from, to, commune);
        var visits = visitors.Between(from, to, commune);
        var photoCounts = photos.CountByCommuneAndDay(from, to, commune);
        var onDuty = roster.OnDutyBetween(from, to);
        var named = new Lazy<Dictionary<string, string>>(() => staff.All()
            .Where(s => s.Signature() is not null).ToDictionary(s => s.Key, s => s.Signature()!));
        var days = new List<CommuneDay>();
        foreach (var code in commune is null ? catalog.Communes.Select(c => c.Code) : [commune])
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                var visitorCount = visits.TryGetValue((code, day), out var v) ? v : (int?)null;
                var photoCount = photoCounts.GetValueOrDefault((code, day));
                days.Add(new CommuneDay(
                    code,
                    day,
                    visitorCount,
                    respondents.GetValueOrDefault((code, day)),
                    photoCount,
                    onDuty.TryGetValue((code, day), out var rostered) && rostered.Count > 0 ? rostered
                        : !reporters || (visitorCount is null && photoCount == 0) ? []
                        : Reporters(code, day, named.Value)));
            }
        return days;
    }

    /// <summary>The named staff who reported the commune's visitors or photos that day, in the order they first did.</summary>
    private List<string> Reporters(string commune, DateOnly day, Dictionary<string, string> named)
    {
        if (named.Count == 0)
            return [];
        var keys = (visitors.Find(commune, day)?.History.Select(h => (h.At, h.StaffKey)) ?? [])
            .Concat(photos.Of(commune, day).Select(p => (At: p.ReceivedAt, p.StaffKey)));
        return keys.OrderBy(x => x.At).Select(x => x.StaffKey).Distinct()
            .Select(named.GetValueOrDefault).OfType<string>().ToList();
    }

    /// <summary>The survey's days so far: from its opening day to <paramref name="today"/> (capped at its closing day).</summary>
    public IReadOnlyList<CommuneDay> SurveyDaysUntil(DateOnly today, string? commune = null, bool reporters = false)
    {
        var (opens, closes) = Window;
        return Days(opens, today < closes ? today : closes, commune, reporters);
    }

    /// <summary>The survey window as Vietnam dates.</summary>
    public (DateOnly Opens, DateOnly Closes) Window =>
        (DateOnly.FromDateTime(catalog.Definition.OpensAt), DateOnly.FromDateTime(catalog.Definition.ClosesAt));

    public IReadOnlyList<QuestionInfo> Questions =>
        catalog.Definition.Questions
            .Select(q => new QuestionInfo(q.Id, q.Text, q.Type, q.Options.Select(o => new OptionInfo(o.Id, o.Text)).ToList()))
            .ToList();

    /// <summary>How often each option was chosen, from the counters (see <see cref="IResponseStore.Tallies"/>).</summary>
    public IReadOnlyList<TallyCount> Tallies(DateOnly from, DateOnly to, string? commune = null) =>
        responses.Tallies(catalog.Definition.Id, commune, from, to);

    /// <summary>Respondents per commune and day that carry <paramref name="flag"/>.</summary>
    public DailyCounts Flagged(string flag, DateOnly from, DateOnly to) =>
        responses.CountFlagged(catalog.Definition.Id, flag, from, to);

    /// <summary>The responses one by one, read as they are used.</summary>
    public IEnumerable<ResponseRecord> Responses() =>
        responses.Stream(catalog.Definition.Id)
            .Select(r => new ResponseRecord(
                r.Id,
                r.CommuneCode,
                new DateTimeOffset(r.StartedAt, TimeSpan.Zero),
                new DateTimeOffset(r.SubmittedAt, TimeSpan.Zero),
                r.Answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value),
                r.QualityFlags));

    /// <summary>
    /// Everything the exports need for a date range: the counts from the counters (read when a
    /// sheet first needs them), the responses read one by one as a sheet or the report's comments
    /// use them (never held all at once).
    /// </summary>
    public SurveyData ExportData(DateOnly from, DateOnly to) =>
        new(Communes, Questions, Days(from, to, reporters: true), Responses())
        {
            Counts = new(() => new ResponseCounts(SummedTallies(from, to), [.. KnownFlags.SelectMany(flag => PerCommune(flag, Flagged(flag, from, to)))])),
        };

    /// <summary>The flags the survey engine sets (see <see cref="QualityFlags"/>), each with its counters.</summary>
    private static readonly string[] KnownFlags = [QualityFlags.TooFast, QualityFlags.OutsideDeskHours];

    /// <summary>Day-counter documents read per query when the tallies of a long range are summed.</summary>
    private const int CounterDocumentsPerRead = 2_000;

    /// <summary>
    /// <see cref="Tallies"/> of the choice questions over a long range, read a few days at a time and
    /// summed: the store reads a query's counter documents whole (one per commune and day), which over
    /// 400 days of 500 communes is gigabytes at once. Text answers are counted too, but only options are shown.
    /// </summary>
    private List<TallyCount> SummedTallies(DateOnly from, DateOnly to)
    {
        var choices = catalog.Definition.Questions.Where(q => q.Type is "single" or "multi").Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var daysPerRead = Math.Max(1, CounterDocumentsPerRead / Math.Max(1, catalog.Communes.Count));
        var sums = new Dictionary<(string Commune, string Question, string Option), int>();
        for (var first = from; first <= to; first = first.AddDays(daysPerRead))
        {
            var last = first.AddDays(daysPerRead - 1) < to ? first.AddDays(daysPerRead - 1) : to;
            foreach (var tally in Tallies(first, last).Where(t => choices.Contains(t.QuestionId)))
            {
                var key = (tally.CommuneCode, tally.QuestionId, tally.OptionId);
                sums[key] = sums.GetValueOrDefault(key) + tally.Count;
            }
        }
        return [.. sums.Select(s => new TallyCount(s.Key.Commune, s.Key.Question, s.Key.Option, s.Value))];
    }

    private static IEnumerable<FlagCount> PerCommune(string flag, DailyCounts days) =>
        days.GroupBy(d => d.Key.Commune).Select(g => new FlagCount(g.Key, flag, g.Sum(d => d.Value)));
}
