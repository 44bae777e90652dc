using LiteDB;
using Reporting;
using ZaloBot.Survey;

namespace ZaloBot.Storage.LiteDb;

/// <summary>The options chosen by one commune's respondents on one Vietnam day.</summary>
internal sealed class AnswerCounts
{
    public string Id { get; set; } = "";

    public string SurveyId { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public DateTime Day { get; set; }

    public List<OptionCount> Options { get; set; } = [];
}

internal sealed class OptionCount
{
    public string Question { get; set; } = "";

    /// <summary>
    /// Empty: the question was answered at all. LiteDB stores an empty string as null, so it reads
    /// back as null: compare and report it as empty.
    /// </summary>
    public string? Option { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>
/// Responses with a unique index on survey + respondent, and counters updated in the same
/// transaction as each insert: respondents and quality flags per commune and day (daily series,
/// what the digest and dashboard read) and chosen options per commune-day (the tallies).
/// </summary>
internal sealed class LiteResponseStore : IResponseStore
{
    private readonly LiteStore store;
    private readonly ILiteCollection<StoredResponse> responses;
    private readonly LiteDailySeries series;
    private readonly ILiteCollection<AnswerCounts> answers;

    public LiteResponseStore(LiteStore store)
    {
        this.store = store;
        responses = store.Collection<StoredResponse>("responses");
        series = new LiteDailySeries(store);
        answers = store.Collection<AnswerCounts>("answer_counts");
        store.Run(() =>
        {
            responses.EnsureIndex(x => x.OncePerCitizen, unique: true);
            responses.EnsureIndex(x => x.SubmittedAt);
            answers.EnsureIndex(x => x.CommuneCode);
            answers.EnsureIndex(x => x.Day);
        });
    }

    public bool TryAdd(StoredResponse response)
    {
        response.OncePerCitizen = OncePerCitizen(response.SurveyId, response.RespondentKey);
        var added = false;
        store.Run(() =>
        {
            if (responses.Exists(LiteQuery.Eq(nameof(StoredResponse.OncePerCitizen), response.OncePerCitizen)))
                return;
            responses.Insert(response);
            Count(response);
            added = true;
        });
        return added;
    }

    /// <summary>Inserts the new ones, then updates each touched counter once for the whole batch.</summary>
    public int TryAddMany(IReadOnlyList<StoredResponse> batch)
    {
        var added = new List<StoredResponse>(batch.Count);
        store.Run(() =>
        {
            foreach (var response in batch)
            {
                response.OncePerCitizen = OncePerCitizen(response.SurveyId, response.RespondentKey);
                if (responses.Exists(LiteQuery.Eq(nameof(StoredResponse.OncePerCitizen), response.OncePerCitizen)))
                    continue;
                responses.Insert(response);
                added.Add(response);
            }
            foreach (var day in added.GroupBy(r => (r.SurveyId, r.CommuneCode, Day: VietnamTime.DateOf(r.SubmittedAt))))
            {
                series.Add(Respondents, day.Key.SurveyId, day.Key.CommuneCode, day.Key.Day, day.Count());
                foreach (var flag in day.SelectMany(r => r.QualityFlags.Distinct()).GroupBy(f => f))
                    series.Add(FlagPrefix + flag.Key, day.Key.SurveyId, day.Key.CommuneCode, day.Key.Day, flag.Count());
                CountAnswers(day.Key.SurveyId, day.Key.CommuneCode, day.Key.Day, day);
            }
        });
        return added.Count;
    }

    private void Count(StoredResponse response)
    {
        var day = VietnamTime.DateOf(response.SubmittedAt);
        series.Add(Respondents, response.SurveyId, response.CommuneCode, day, 1);
        foreach (var flag in response.QualityFlags.Distinct())
            series.Add(FlagPrefix + flag, response.SurveyId, response.CommuneCode, day, 1);
        CountAnswers(response.SurveyId, response.CommuneCode, day, [response]);
    }

    private void CountAnswers(string surveyId, string commune, DateOnly day, IEnumerable<StoredResponse> counted)
    {
        var id = $"{surveyId}|{commune}|{day:yyyy-MM-dd}";
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var tally = answers.FindById(id) ?? new AnswerCounts { Id = id, SurveyId = surveyId, CommuneCode = commune, Day = midnight };
        foreach (var (question, chosen) in counted.SelectMany(r => r.Answers).Where(a => a.Value.Count > 0))
            foreach (var option in chosen.Distinct().Prepend(""))
            {
                var entry = tally.Options.Find(o => o.Question == question && (o.Option ?? "") == option);
                if (entry is null)
                    tally.Options.Add(entry = new OptionCount { Question = question, Option = option });
                entry.Count++;
            }
        answers.Upsert(tally);
    }

    public StoredResponse? Find(string surveyId, string respondentKey)
    {
        var key = OncePerCitizen(surveyId, respondentKey);
        return responses.FindOne(LiteQuery.Eq(nameof(StoredResponse.OncePerCitizen), key));
    }

    public long Count(string surveyId) =>
        series.Total(Respondents, surveyId);

    public DailyCounts CountByCommuneAndDay(string surveyId, DateOnly from, DateOnly to, string? commune = null) =>
        series.Read(Respondents, surveyId, from, to, commune);

    public DailyCounts CountFlagged(string surveyId, string flag, DateOnly from, DateOnly to) =>
        series.Read(FlagPrefix + flag, surveyId, from, to);

    public IReadOnlyList<TallyCount> Tallies(string surveyId, string? commune, DateOnly from, DateOnly to) =>
        InRange(answers, from, to, commune)
            .Where(x => x.SurveyId == surveyId)
            .SelectMany(x => x.Options.Select(o => (x.CommuneCode, o.Question, Option: o.Option ?? "", o.Count)))
            .GroupBy(x => (x.CommuneCode, x.Question, x.Option))
            .Select(g => new TallyCount(g.Key.CommuneCode, g.Key.Question, g.Key.Option, g.Sum(x => x.Count)))
            .ToList();

    /// <summary>
    /// In order of submission, read a page at a time through the submission-time index (a query is
    /// read whole before it is returned, see <see cref="OneAtATimeEngine"/>). A page starts at the
    /// last time read, leaving out the responses of that very time it already returned.
    /// </summary>
    public IEnumerable<StoredResponse> Stream(string surveyId)
    {
        var after = DateTime.MinValue;
        var returnedAtAfter = new HashSet<string>();
        while (true)
        {
            var page = responses.Query()
                .Where(LiteQuery.AtLeast(nameof(StoredResponse.SubmittedAt), after))
                .OrderBy(x => x.SubmittedAt)
                .Limit(StreamPage + returnedAtAfter.Count)
                .ToList()
                .Where(r => !(r.SubmittedAt == after && returnedAtAfter.Contains(r.Id)))
                .ToList();
            if (page.Count == 0)
                yield break;
            foreach (var response in page.Where(r => r.SurveyId == surveyId))
                yield return response;
            if (page[^1].SubmittedAt != after)
            {
                after = page[^1].SubmittedAt;
                returnedAtAfter.Clear();
            }
            returnedAtAfter.UnionWith(page.Where(r => r.SubmittedAt == after).Select(r => r.Id));
        }
    }

    private const int StreamPage = 1000;

    public IReadOnlyList<string> SurveyIds() =>
        responses.Query().Select(x => x.SurveyId).ToEnumerable().Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>One commune's rows through its index; all communes' through the day index.</summary>
    private static IEnumerable<AnswerCounts> InRange(ILiteCollection<AnswerCounts> counts, DateOnly from, DateOnly to, string? commune)
    {
        var first = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var last = to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return commune is null
            ? counts.Find(LiteQuery.Between("Day", first, last))
            : counts.Find(LiteQuery.Eq("CommuneCode", commune)).Where(x => x.Day >= first && x.Day <= last);
    }

    private const string Respondents = "respondents";
    private const string FlagPrefix = "flag:";

    private static string OncePerCitizen(string surveyId, string respondentKey) => surveyId + "|" + respondentKey;
}
