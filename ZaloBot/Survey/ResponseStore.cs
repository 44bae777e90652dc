using LiteDB;
using Reporting;
using ZaloBot.Storage;

namespace ZaloBot.Survey;

/// <summary>
/// A submitted, anonymous response. <see cref="RespondentKey"/> is a keyed hash of the Zalo user
/// id (never the id itself, a name or a phone number); with the survey id it is unique, so a
/// citizen's second submission is refused by the index even when deliveries race.
/// </summary>
public sealed class StoredResponse
{
    [BsonId]
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string SurveyId { get; set; } = "";

    public string RespondentKey { get; set; } = "";

    /// <summary>SurveyId + RespondentKey: the unique index behind "one response per citizen".</summary>
    public string OncePerCitizen { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public Dictionary<string, List<string>> Answers { get; set; } = [];

    public DateTime StartedAt { get; set; }

    public DateTime SubmittedAt { get; set; }

    public double DurationSeconds { get; set; }

    public List<string> QualityFlags { get; set; } = [];
}

public sealed class ResponseStore
{
    private readonly ILiteCollection<StoredResponse> responses;
    private readonly Secrets secrets;

    public ResponseStore(Database db, Secrets secrets)
    {
        responses = db.Collection<StoredResponse>("responses");
        responses.EnsureIndex(x => x.OncePerCitizen, unique: true);
        responses.EnsureIndex(x => x.SubmittedAt);
        this.secrets = secrets;
    }

    public string RespondentKey(string zaloUserId) => secrets.Hash("respondent", zaloUserId);

    /// <summary>Stores the response; false when this citizen already has one for the survey.</summary>
    public bool TryAdd(StoredResponse response)
    {
        response.OncePerCitizen = response.SurveyId + "|" + response.RespondentKey;
        try
        {
            responses.Insert(response);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public StoredResponse? Find(string surveyId, string respondentKey) =>
        responses.FindOne(x => x.OncePerCitizen == surveyId + "|" + respondentKey);

    public IReadOnlyList<StoredResponse> All(string surveyId) => responses.Find(x => x.SurveyId == surveyId).ToList();

    /// <summary>Respondents per commune and Vietnam day, the figure QCDC and the digest count.</summary>
    public IReadOnlyDictionary<(string Commune, DateOnly Day), int> CountByCommuneAndDay(string surveyId) =>
        All(surveyId)
            .GroupBy(r => (r.CommuneCode, VietnamTime.DateOf(r.SubmittedAt)))
            .ToDictionary(g => g.Key, g => g.Count());
}
