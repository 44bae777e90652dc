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

    public bool TryAdd(StoredResponse response) => TryAddMany([response]) == 1;

    /// <summary>
    /// Four statements whatever the number: the responses in one INSERT (a repeated citizen, in the
    /// store or earlier in the list, is skipped), then each counter table's rows for those inserted,
    /// summed per row, in one upsert each.
    /// </summary>
    public int TryAddMany(IReadOnlyList<StoredResponse> responses)
    {
        if (responses.Count == 0)
            return 0;
        foreach (var response in responses)
            response.OncePerCitizen = OncePerCitizen(response.SurveyId, response.RespondentKey);
        return store.Run(() =>
        {
            var inserted = store.Query(
                """
                INSERT INTO responses (id, survey_id, respondent_key, commune_code, answers, started_at, submitted_at, duration_seconds, quality_flags)
                SELECT id, survey, respondent, commune, answers::jsonb, started, submitted, duration, ARRAY(SELECT jsonb_array_elements_text(flags::jsonb))
                FROM unnest(@ids, @surveys, @respondents, @communes, @answers, @started, @submitted, @durations, @flags)
                    WITH ORDINALITY AS t(id, survey, respondent, commune, answers, started, submitted, duration, flags, n)
                ORDER BY n
                ON CONFLICT (survey_id, respondent_key) DO NOTHING
                RETURNING id
                """,
                r => r.GetString(0),
                Texts("ids", responses.Select(r => r.Id)), Texts("surveys", responses.Select(r => r.SurveyId)),
                Texts("respondents", responses.Select(r => r.RespondentKey)), Texts("communes", responses.Select(r => r.CommuneCode)),
                Texts("answers", responses.Select(r => JsonSerializer.Serialize(r.Answers))),
                Times("started", responses.Select(r => r.StartedAt)), Times("submitted", responses.Select(r => r.SubmittedAt)),
                Arg("durations", responses.Select(r => r.DurationSeconds).ToArray()),
                Texts("flags", responses.Select(r => JsonSerializer.Serialize(r.QualityFlags))))
                .ToHashSet(StringComparer.Ordinal);
            Count([.. responses.Where(r => inserted.Contains(r.Id))]);
            return inserted.Count;
        });
    }

    /// <summary>Adds the responses to the counters: per table one upsert, its rows in key order (so two transactions never deadlock).</summary>
    private void Count(List<StoredResponse> added)
    {
        if (added.Count == 0)
            return;
        var days = added.Select(r => (r.SurveyId, r.CommuneCode, Day: VietnamTime.DateOf(r.SubmittedAt))).ToList();
        var respondents = Summed(days.Select(d => (d, Detail: (Question: "", Option: ""))));
        var flags = Summed(added.SelectMany((r, i) => r.QualityFlags.Distinct().Select(f => (days[i], Detail: (Question: f, Option: "")))));
        var chosen = Summed(added.SelectMany((r, i) => r.Answers
            .Where(a => a.Value.Count > 0)
            .SelectMany(a => a.Value.Distinct().Prepend("").Distinct().Select(option => (days[i], Detail: (Question: a.Key, Option: option))))));
        Upsert(
            """
            INSERT INTO respondent_counts (survey_id, commune_code, day, count)
            SELECT s, c, d, n FROM unnest(@surveys, @communes, @days, @questions, @options, @counts) WITH ORDINALITY AS t(s, c, d, q, o, n, i) ORDER BY i
            ON CONFLICT (survey_id, commune_code, day) DO UPDATE SET count = respondent_counts.count + excluded.count
            """,
            respondents);
        Upsert(
            """
            INSERT INTO flag_counts (survey_id, commune_code, day, flag, count)
            SELECT s, c, d, q, n FROM unnest(@surveys, @communes, @days, @questions, @options, @counts) WITH ORDINALITY AS t(s, c, d, q, o, n, i) ORDER BY i
            ON CONFLICT (survey_id, commune_code, day, flag) DO UPDATE SET count = flag_counts.count + excluded.count
            """,
            flags);
        Upsert(
            """
            INSERT INTO answer_counts (survey_id, commune_code, day, question, option, count)
            SELECT s, c, d, q, o, n FROM unnest(@surveys, @communes, @days, @questions, @options, @counts) WITH ORDINALITY AS t(s, c, d, q, o, n, i) ORDER BY i
            ON CONFLICT (survey_id, commune_code, day, question, option) DO UPDATE SET count = answer_counts.count + excluded.count
            """,
            chosen);
    }

    /// <summary>Runs a counter upsert that reads its rows from the same six arrays: where, question (or flag), option, count.</summary>
    private void Upsert(string sql, List<((string Survey, string Commune, DateOnly Day) Where, (string Question, string Option) Detail, int Count)> rows)
    {
        if (rows.Count == 0)
            return;
        store.Write(
            sql,
            Texts("surveys", rows.Select(r => r.Where.Survey)), Texts("communes", rows.Select(r => r.Where.Commune)),
            Arg("days", rows.Select(r => r.Where.Day).ToArray()), Texts("questions", rows.Select(r => r.Detail.Question)),
            Texts("options", rows.Select(r => r.Detail.Option)), Arg("counts", rows.Select(r => r.Count).ToArray()));
    }

    /// <summary>How many of each counter row, in key order.</summary>
    private static List<((string Survey, string Commune, DateOnly Day) Where, (string Question, string Option) Detail, int Count)> Summed(
        IEnumerable<((string Survey, string Commune, DateOnly Day) Where, (string Question, string Option) Detail)> rows) =>
        [.. rows.GroupBy(r => r)
            .Select(g => (g.Key.Where, g.Key.Detail, Count: g.Count()))
            .OrderBy(r => r.Where.Survey, StringComparer.Ordinal).ThenBy(r => r.Where.Commune, StringComparer.Ordinal).ThenBy(r => r.Where.Day)
            .ThenBy(r => r.Detail.Question, StringComparer.Ordinal).ThenBy(r => r.Detail.Option, StringComparer.Ordinal)];

    private static NpgsqlParameter Times(string name, IEnumerable<DateTime> values) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = values.Select(Utc).ToArray() };

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

    public void Save(string userId, ConversationState state) => store.Write(
        """
        INSERT INTO conversations (key, state, updated_at) VALUES (@key, @state, @now)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
        """,
        Arg("key", KeyOf(userId)), Arg("state", JsonSerializer.Serialize(state)), Arg("now", clock.GetUtcNow().UtcDateTime));

    public void Delete(string userId) => store.Write("DELETE FROM conversations WHERE key = @key", Arg("key", KeyOf(userId)));

    public int DeleteIdleSince(DateTime before, int batch) => store.Execute(
        "DELETE FROM conversations WHERE key IN (SELECT key FROM conversations WHERE updated_at < @before LIMIT @batch)",
        Arg("before", before), Arg("batch", batch));

    public IReadOnlyList<SavedConversation> All() => store.Query(
        "SELECT key, state, updated_at FROM conversations ORDER BY key",
        r => new SavedConversation(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTime>(2)));

    public void Import(SavedConversation conversation) => store.Write(
        """
        INSERT INTO conversations (key, state, updated_at) VALUES (@key, @state, @at)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
        """,
        Arg("key", conversation.Key), Arg("state", conversation.State), Arg("at", conversation.UpdatedAt));

    private string KeyOf(string userId) => secrets.Hash("conversation", userId);
}
