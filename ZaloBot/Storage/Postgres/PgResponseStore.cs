using System.Text.Json;
using Npgsql;
using Reporting;
using ZaloBot.Conversation;
using ZaloBot.Survey;
using static ZaloBot.Storage.Postgres.PgStore;

namespace ZaloBot.Storage.Postgres;

/// <summary>
/// Responses, unique on survey + respondent, and three counters upserted in the same transaction as
/// each insert: respondents, quality flags and chosen options per commune and Vietnam day. Counter
/// rows are always written in the same order, so two transactions counting the same commune-day
/// wait for each other instead of deadlocking.
/// </summary>
internal sealed class PgResponseStore(PgStore store) : IResponseStore
{
    private const int StreamPage = 500;

    private const string Columns = "seq, id, survey_id, respondent_key, commune_code, answers, started_at, submitted_at, duration_seconds, quality_flags";

    public int TryAddMany(IReadOnlyList<StoredResponse> responses)
    {
        var added = 0;
        store.Run(() => added = responses.Count(TryAdd));
        return added;
    }

    public bool TryAdd(StoredResponse response)
    {
        response.OncePerCitizen = OncePerCitizen(response.SurveyId, response.RespondentKey);
        return store.Run(() =>
        {
            var inserted = store.Execute(
                """
                INSERT INTO responses (id, survey_id, respondent_key, commune_code, answers, started_at, submitted_at, duration_seconds, quality_flags)
                VALUES (@id, @survey, @respondent, @commune, @answers, @started, @submitted, @duration, @flags)
                ON CONFLICT (survey_id, respondent_key) DO NOTHING
                """,
                Arg("id", response.Id), Arg("survey", response.SurveyId), Arg("respondent", response.RespondentKey),
                Arg("commune", response.CommuneCode), Json("answers", JsonSerializer.Serialize(response.Answers)),
                Arg("started", response.StartedAt), Arg("submitted", response.SubmittedAt),
                Arg("duration", response.DurationSeconds), Arg("flags", response.QualityFlags.ToArray()));
            if (inserted == 0)
                return false;
            Count(response);
            return true;
        });
    }

    private void Count(StoredResponse response)
    {
        var day = VietnamTime.DateOf(response.SubmittedAt);
        var flags = response.QualityFlags.Distinct().Order(StringComparer.Ordinal).ToArray();
        var chosen = response.Answers
            .Where(a => a.Value.Count > 0)
            .SelectMany(a => a.Value.Distinct().Prepend("").Distinct().Select(option => (Question: a.Key, Option: option)))
            .OrderBy(x => x.Question, StringComparer.Ordinal).ThenBy(x => x.Option, StringComparer.Ordinal)
            .ToList();
        NpgsqlParameter[] Where() => [Arg("survey", response.SurveyId), Arg("commune", response.CommuneCode), Day("day", day)];
        store.Execute(
            """
            INSERT INTO respondent_counts (survey_id, commune_code, day, count) VALUES (@survey, @commune, @day, 1)
            ON CONFLICT (survey_id, commune_code, day) DO UPDATE SET count = respondent_counts.count + 1
            """,
            Where());
        if (flags.Length > 0)
            store.Execute(
                """
                INSERT INTO flag_counts (survey_id, commune_code, day, flag, count)
                SELECT @survey, @commune, @day, f, 1 FROM unnest(@flags) WITH ORDINALITY AS t(f, n) ORDER BY n
                ON CONFLICT (survey_id, commune_code, day, flag) DO UPDATE SET count = flag_counts.count + 1
                """,
                [.. Where(), Arg("flags", flags)]);
        if (chosen.Count > 0)
            store.Execute(
                """
                INSERT INTO answer_counts (survey_id, commune_code, day, question, option, count)
                SELECT @survey, @commune, @day, q, o, 1 FROM unnest(@questions, @options) WITH ORDINALITY AS t(q, o, n) ORDER BY n
                ON CONFLICT (survey_id, commune_code, day, question, option) DO UPDATE SET count = answer_counts.count + 1
                """,
                [.. Where(), Arg("questions", chosen.Select(x => x.Question).ToArray()), Arg("options", chosen.Select(x => x.Option).ToArray())]);
    }

    public StoredResponse? Find(string surveyId, string respondentKey) => store.One(
        $"SELECT {Columns} FROM responses WHERE survey_id = @survey AND respondent_key = @respondent",
        Read, Arg("survey", surveyId), Arg("respondent", respondentKey));

    public long Count(string surveyId) =>
        store.Scalar<long>("SELECT coalesce(sum(count), 0)::bigint FROM respondent_counts WHERE survey_id = @survey", Arg("survey", surveyId));

    public DailyCounts CountByCommuneAndDay(string surveyId, DateOnly from, DateOnly to, string? commune = null) =>
        store.DailyCounts(
            "SELECT commune_code, day, count FROM respondent_counts WHERE survey_id = @survey AND day BETWEEN @from AND @to" + OfCommune(commune),
            from, to, InRange(surveyId, from, to, commune));

    public DailyCounts CountFlagged(string surveyId, string flag, DateOnly from, DateOnly to) =>
        store.DailyCounts(
            "SELECT commune_code, day, count FROM flag_counts WHERE survey_id = @survey AND flag = @flag AND day BETWEEN @from AND @to",
            from, to, [.. InRange(surveyId, from, to, commune: null), Arg("flag", flag)]);

    public IReadOnlyList<TallyCount> Tallies(string surveyId, string? commune, DateOnly from, DateOnly to) =>
        store.Query(
            "SELECT commune_code, question, option, sum(count)::int FROM answer_counts WHERE survey_id = @survey AND day BETWEEN @from AND @to"
            + OfCommune(commune) + " GROUP BY commune_code, question, option",
            r => new TallyCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)),
            InRange(surveyId, from, to, commune));

    /// <summary>Pages through the submission-time index (a page at a time, each on a connection of its own), so no connection is held while the caller works.</summary>
    public IEnumerable<StoredResponse> Stream(string surveyId)
    {
        var after = (At: DateTime.MinValue, Seq: 0L);
        while (true)
        {
            var page = store.Query(
                $"""
                SELECT {Columns} FROM responses
                WHERE survey_id = @survey AND (submitted_at, seq) > (@at, @seq)
                ORDER BY submitted_at, seq LIMIT {StreamPage}
                """,
                r => (Seq: r.GetInt64(0), Response: Read(r)),
                Arg("survey", surveyId), Arg("at", after.At), Arg("seq", after.Seq));
            foreach (var (_, response) in page)
                yield return response;
            if (page.Count < StreamPage)
                yield break;
            after = (page[^1].Response.SubmittedAt, page[^1].Seq);
        }
    }

    public IReadOnlyList<string> SurveyIds() => store.Query("SELECT DISTINCT survey_id FROM responses ORDER BY survey_id", r => r.GetString(0));

    private static string OfCommune(string? commune) => commune is null ? "" : " AND commune_code = @commune";

    private static NpgsqlParameter[] InRange(string surveyId, DateOnly from, DateOnly to, string? commune) =>
    [
        Arg("survey", surveyId), Day("from", from), Day("to", to), Arg("commune", commune ?? ""),
    ];

    private static StoredResponse Read(NpgsqlDataReader r)
    {
        var surveyId = r.GetString(2);
        var respondentKey = r.GetString(3);
        return new StoredResponse
        {
            Id = r.GetString(1),
            SurveyId = surveyId,
            RespondentKey = respondentKey,
            OncePerCitizen = OncePerCitizen(surveyId, respondentKey),
            CommuneCode = r.GetString(4),
            Answers = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(r.GetString(5)) ?? [],
            StartedAt = r.GetFieldValue<DateTime>(6),
            SubmittedAt = r.GetFieldValue<DateTime>(7),
            DurationSeconds = r.GetDouble(8),
            QualityFlags = [.. r.GetFieldValue<string[]>(9)],
        };
    }

    private static string OncePerCitizen(string surveyId, string respondentKey) => surveyId + "|" + respondentKey;
}

internal sealed class PgConversationStore(PgStore store, Secrets secrets, TimeProvider clock) : IConversationStore
{
    public ConversationState? Load(string userId) =>
        store.One("SELECT state FROM conversations WHERE key = @key" + store.ForUpdate, r => r.GetString(0), Arg("key", KeyOf(userId)))
            is { } json
            ? JsonSerializer.Deserialize<ConversationState>(json)
            : null;

    public void Save(string userId, ConversationState state) => store.Execute(
        """
        INSERT INTO conversations (key, state, updated_at) VALUES (@key, @state, @now)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
        """,
        Arg("key", KeyOf(userId)), Arg("state", JsonSerializer.Serialize(state)), Arg("now", clock.GetUtcNow().UtcDateTime));

    public void Delete(string userId) => store.Execute("DELETE FROM conversations WHERE key = @key", Arg("key", KeyOf(userId)));

    public int DeleteIdleSince(DateTime before, int batch) => store.Execute(
        "DELETE FROM conversations WHERE key IN (SELECT key FROM conversations WHERE updated_at < @before LIMIT @batch)",
        Arg("before", before), Arg("batch", batch));

    public IReadOnlyList<SavedConversation> All() => store.Query(
        "SELECT key, state, updated_at FROM conversations ORDER BY key",
        r => new SavedConversation(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTime>(2)));

    public void Import(SavedConversation conversation) => store.Execute(
        """
        INSERT INTO conversations (key, state, updated_at) VALUES (@key, @state, @at)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
        """,
        Arg("key", conversation.Key), Arg("state", conversation.State), Arg("at", conversation.UpdatedAt));

    private string KeyOf(string userId) => secrets.Hash("conversation", userId);
}
