using ZaloBot.Storage;
using Reporting;

namespace ZaloBot.Survey;

/// <summary>
/// A submitted, anonymous response. <see cref="RespondentKey"/> is a keyed hash of the Zalo user
/// id (never the id itself, a name or a phone number); with the survey id it is unique, so a
/// citizen's second submission is refused even when deliveries race.
/// </summary>
public sealed class StoredResponse
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string SurveyId { get; set; } = "";

    public string RespondentKey { get; set; } = "";

    /// <summary>SurveyId + RespondentKey: what is unique, "one response per citizen".</summary>
    public string OncePerCitizen { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public Dictionary<string, List<string>> Answers { get; set; } = [];

    public DateTime StartedAt { get; set; }

    public DateTime SubmittedAt { get; set; }

    public double DurationSeconds { get; set; }

    public List<string> QualityFlags { get; set; } = [];
}

/// <summary>
/// The submitted responses, with counters kept in the same transaction as each response (respondents
/// and chosen options per commune and Vietnam day), so figures never need to read the responses.
/// </summary>
public interface IResponseStore
{
    /// <summary>Stores the response and counts it; false when this citizen already has one for the survey.</summary>
    bool TryAdd(StoredResponse response);

    /// <summary>Stores many responses at once (an import, a copy between stores), counted as <see cref="TryAdd"/> counts them; returns how many were new.</summary>
    int TryAddMany(IReadOnlyList<StoredResponse> responses);

    StoredResponse? Find(string surveyId, string respondentKey);

    long Count(string surveyId);

    /// <summary>Respondents per commune and Vietnam day from <paramref name="from"/> to <paramref name="to"/>: the figure QCDC and the digest count.</summary>
    DailyCounts CountByCommuneAndDay(string surveyId, DateOnly from, DateOnly to, string? commune = null);

    /// <summary>Respondents per commune and Vietnam day whose answers carry <paramref name="flag"/> (see <see cref="Conversation.QualityFlags"/>).</summary>
    DailyCounts CountFlagged(string surveyId, string flag, DateOnly from, DateOnly to);

    /// <summary>
    /// How often each option was chosen per commune and question, and (with an empty option id) how
    /// many answered the question, over the days from <paramref name="from"/> to <paramref name="to"/>;
    /// one commune's only when <paramref name="commune"/> is given.
    /// </summary>
    IReadOnlyList<TallyCount> Tallies(string surveyId, string? commune, DateOnly from, DateOnly to);

    /// <summary>The responses one by one, in submission order, without holding them all in memory.</summary>
    IEnumerable<StoredResponse> Stream(string surveyId);

    /// <summary>The surveys that have responses stored.</summary>
    IReadOnlyList<string> SurveyIds();
}
