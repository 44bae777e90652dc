using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// Issue 9's proof: two service processes on one PostgreSQL database behind a load balancer that
/// spreads 200 citizens' events over both at random, a fifth of the events delivered to both, and
/// one instance killed with <c>kill -9</c> in the middle. The crowd runs once (<see cref="CrowdRun"/>);
/// each fact checks one behaviour of that run, so a behaviour is one more fact over the same run.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class CrowdTests(CrowdRun run, ITestOutputHelper output) : IClassFixture<CrowdRun>
{
    private static readonly string[] Expected = ["25_49"];

    [SkippableFact]
    public void Every_citizen_ends_with_one_response_holding_each_answer_once()
    {
        run.Database.SkipUnlessAvailable();
        var responses = run.Responses;
        Assert.Equal(CrowdRun.Citizens, responses.Count);
        Assert.Equal(CrowdRun.Citizens, responses.Select(r => r.RespondentKey).Distinct().Count());
        Assert.All(responses, r =>
        {
            Assert.Equal(Expected, r.Answers["age"]);
            Assert.Equal(["dat_dai", "ho_tich"], r.Answers["field"]);
            Assert.Equal(["co"], r.Answers["knows"]);
            Assert.Equal(["Tốt lắm 👍"], r.Answers["comment"]);
            Assert.Equal(Flatten(responses[0].Answers), Flatten(r.Answers));
        });
    }

    [SkippableFact]
    public void Every_citizens_replies_arrive_in_order()
    {
        run.Database.SkipUnlessAvailable();
        // A reply the killed instance sent but could not mark as sent goes again once its claim runs
        // out: at least once, right after itself (the next reply waits for it). Apart from that, every
        // citizen reads the same replies in the same order, one per answer.
        output.WriteLine(run.Summary);
        var reference = Collapsed(run.Zalo.TextsTo(CrowdRun.UserOf(0)));
        Assert.Equal(CrowdRun.Answers.Length, reference.Count);
        Assert.Contains("Câu 1/", reference[0], StringComparison.Ordinal);
        Assert.Contains("Cảm ơn ông/bà", reference[^1], StringComparison.Ordinal);
        for (var citizen = 0; citizen < CrowdRun.Citizens; citizen++)
            Assert.Equal(reference, Collapsed(run.Zalo.TextsTo(CrowdRun.UserOf(citizen))));
    }

    [SkippableFact]
    public void An_event_delivered_to_both_instances_is_stored_and_handled_once()
    {
        run.Database.SkipUnlessAvailable();
        Assert.True(run.DeliveredTwice > CrowdRun.Citizens, $"only {run.DeliveredTwice} events went to both instances");
        var inbox = run.Inbox;
        Assert.Equal(CrowdRun.Citizens * CrowdRun.Answers.Length, inbox.Count);
        Assert.All(inbox, item => Assert.Equal(ZaloBot.Storage.QueueStatus.Done, item.Status));
    }

    [SkippableFact]
    public void What_the_killed_instance_had_claimed_is_taken_over_once_its_lease_runs_out()
    {
        run.Database.SkipUnlessAvailable();
        Assert.NotEmpty(run.ClaimedAtKill);
        Assert.All(run.ClaimedAtKill, claimed => Assert.Equal(1, run.StatusOf(claimed.Table, claimed.Id)));
        Assert.Equal(0, run.Inbox.Count(i => i.Status != ZaloBot.Storage.QueueStatus.Done));
        Assert.Equal(0, run.Outbox.Count(i => i.Status != ZaloBot.Storage.QueueStatus.Done));
    }

    [SkippableFact]
    public void The_token_both_instances_found_invalid_is_refreshed_once()
    {
        run.Database.SkipUnlessAvailable();
        Assert.Single(run.Zalo.CallsTo("/v4/oa/access_token"));
        Assert.Contains(run.Zalo.CallsTo("/v3.0/oa/message/cs"), call => call.Headers.GetValueOrDefault("access_token") == "access-new-1");
    }

    [SkippableFact]
    public void The_days_digest_goes_to_the_group_once()
    {
        run.Database.SkipUnlessAvailable();
        Assert.Single(run.Get<ZaloBot.Jobs.DigestRuns>().All());
        // The digest was sent before the kill (the run waits for it), so nothing of it is sent again.
        var parts = run.DigestParts();
        Assert.NotEmpty(parts);
        Assert.True(parts.Count == parts.Distinct().Count(), string.Join(" | ", parts));
        Assert.True(CrowdRun.IsWhole(parts), string.Join(" | ", parts));
    }

    private static IEnumerable<string> Flatten(Dictionary<string, List<string>> answers) =>
        answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + string.Join(",", a.Value));

    private static List<string> Collapsed(IReadOnlyList<string> texts) =>
        texts.Where((text, i) => i == 0 || text != texts[i - 1]).ToList();
}

/// <summary>
/// The crowd, run once for <see cref="CrowdTests"/>: its settings (<see cref="Settings"/>), the fake
/// Zalo server that saw every outbound call, and the database the instances shared, read after the
/// run through a service that is built but not started.
/// </summary>
public sealed class CrowdRun : IAsyncLifetime
{
    public const int Citizens = 200;
    public static readonly string[] Answers = ["X07", .. ZaloBot.Tests.Survey.CitizenSurveyTests.FullRun];

    private const string ExpiredToken = "access-1";

    /// <summary>Short, so the killed instance's claims run out within the test.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(5);

    private readonly string dataDir = BotHost.NewDataDir();
    private BotHost? reader;

    public PostgresDatabase Database { get; } = new();

    public FakeZaloServer Zalo { get; private set; } = null!;

    public int DeliveredTwice { get; private set; }

    /// <summary>How the run went, for the test output.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Queue items held by a claim the moment before the kill (either instance's).</summary>
    public IReadOnlyList<(string Table, long Id)> ClaimedAtKill { get; private set; } = [];

    public IReadOnlyList<StoredResponse> Responses => Get<IResponseStore>().Stream("PKS02_2024").ToList();

    public IReadOnlyList<ZaloBot.Storage.QueueItem> Inbox => Get<Inbox>().Queue.All();

    public IReadOnlyList<ZaloBot.Storage.QueueItem> Outbox => Get<ZaloBot.Zalo.Outbox>().Queue.All();

    public T Get<T>() where T : notnull => reader!.Get<T>();

    public static string UserOf(int citizen) => "78" + citizen.ToString("D17", CultureInfo.InvariantCulture);

    /// <summary>The settings both instances start with.</summary>
    private Dictionary<string, string?> Settings()
    {
        var settings = BotHost.Settings(Zalo, dataDir);
        foreach (var (key, value) in PostgresStoreContract.SettingsOf(Database))
            settings[key] = value;
        settings["Zalo:MaxRequestsPerMinute"] = "1000000";
        settings["Storage:ClaimLease"] = ClaimLease.ToString();
        // Past the digest's time from the start: each instance's start-up check finds the day's digest due.
        settings["Digest:Time"] = "00:00";
        settings["Digest:GroupId"] = "crowd-group";
        return settings;
    }

    public async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        if (Database.ConnectionString.Length == 0)
            return; // no server: every fact reports itself skipped
        var settings = Settings();
        // The configured token has expired: the first calls of both instances are refused with -216.
        Zalo.ValidTokens.Clear();
        Assert.Equal(ExpiredToken, settings["Zalo:AccessToken"]);
        var clock = Stopwatch.StartNew();
        var next = new int[Citizens];
        var acknowledged = 0;
        var twice = 0;
        using var first = await ServiceProcess.StartAsync(settings);
        using var second = await ServiceProcess.StartAsync(settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var firstAlive = true;
        var started = clock.Elapsed;

        var load = Task.WhenAll(Enumerable.Range(0, Citizens).Select(citizen => Task.Run(async () =>
        {
            var random = new Random(citizen);
            while (next[citizen] < Answers.Length)
            {
                var step = next[citizen];
                var body = BotHost.TextEventOf(UserOf(citizen), Answers[step], $"crowd-{citizen}-{step}");
                var both = random.Next(5) == 0;
                var toFirst = random.Next(2) == 0;
                // Zalo delivers an event again until one delivery gets its 200: here to the instance still up.
                var targets = !Volatile.Read(ref firstAlive) ? [second.BaseUrl] : both ? [first.BaseUrl, second.BaseUrl] : new[] { toFirst ? first.BaseUrl : second.BaseUrl };
                if (targets.Length == 2)
                    Interlocked.Increment(ref twice);
                var answers = await Task.WhenAll(targets.Select(url => DeliverAsync(http, url, body)));
                if (!answers.Any(ok => ok))
                    continue;
                next[citizen] = step + 1;
                Interlocked.Increment(ref acknowledged);
            }
        })));

        // Mid-load, once the day's digest is out: note what is claimed, then kill the first instance without warning.
        await Poll.UntilAsync(() => Volatile.Read(ref acknowledged) >= Citizens * Answers.Length * 2 / 5, "the load to get halfway", seconds: 90);
        await Poll.UntilAsync(() => IsWhole(DigestParts()), "the day's digest", seconds: 90);
        var claimed = new List<(string, long)>();
        await Poll.UntilAsync(() => (claimed = Claimed()).Count > 0, "an item to be claimed", seconds: 90);
        first.Kill();
        Volatile.Write(ref firstAlive, false);
        ClaimedAtKill = claimed;
        var killedAt = clock.Elapsed;

        await load;
        DeliveredTwice = twice;
        await Poll.UntilAsync(() => Enumerable.Range(0, Citizens).All(c => Zalo.TextsTo(UserOf(c)) is [.., var last] && last.Contains("Cảm ơn ông/bà", StringComparison.Ordinal)),
            "every citizen's thanks", seconds: 90);
        await Poll.UntilAsync(() => Claimed().Count == 0 && CountPending() == 0, "both queues to empty", seconds: 90);
        Summary = string.Create(CultureInfo.InvariantCulture,
            $"two instances ready in {started.TotalSeconds:F1} s; the first killed at {killedAt.TotalSeconds:F1} s with {claimed.Count} items claimed; " +
            $"every citizen thanked and both queues empty at {clock.Elapsed.TotalSeconds:F1} s; {twice} events delivered to both; " +
            $"{Zalo.CallsTo("/v3.0/oa/message/cs").Count} texts sent for {Citizens * Answers.Length} answers.");
        second.Kill();
        reader = await BotHost.StartAsync(Zalo, settings, start: false, dataDir: dataDir);
    }

    /// <summary>
    /// The first line of each digest text the group received (not refused for the expired token):
    /// the title, and "(phần i/n)" when there are several parts.
    /// </summary>
    public List<string> DigestParts() =>
        [.. Zalo.CallsTo("/v3.0/oa/group/message")
            .Where(call => call.Headers.GetValueOrDefault("access_token") != ExpiredToken)
            .Select(call => call.Json["message"]?["text"]?.GetValue<string>() ?? "")
            .Where(text => text.StartsWith("📊 Tiến độ khảo sát", StringComparison.Ordinal))
            .Select(text => text.Split('\n')[0])];

    /// <summary>Every part of one digest is there.</summary>
    public static bool IsWhole(List<string> parts) =>
        parts.Count > 0 && parts.Distinct().All(part => part.EndsWith(parts.Distinct().Count() == 1 ? "" : $"/{parts.Distinct().Count()})", StringComparison.Ordinal));

    private static async Task<bool> DeliverAsync(HttpClient http, string baseUrl, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/zalo/webhook") { Content = content };
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", BotHost.Sign(body));
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // the instance is gone: not acknowledged
        }
    }

    private List<(string Table, long Id)> Claimed() =>
        [.. Ids("SELECT 'inbox', id FROM inbox WHERE status = 0 AND claimed_until IS NOT NULL UNION ALL SELECT 'outbox', id FROM outbox WHERE status = 0 AND claimed_until IS NOT NULL")];

    private int CountPending() => Ids("SELECT 'inbox', id FROM inbox WHERE status = 0 UNION ALL SELECT 'outbox', id FROM outbox WHERE status = 0").Count;

    public int StatusOf(string table, long id) =>
        Ids($"SELECT status::text, id FROM {table} WHERE id = {id}").Select(x => int.Parse(x.Table, CultureInfo.InvariantCulture)).Single();

    private List<(string Table, long Id)> Ids(string sql)
    {
        using var connection = new NpgsqlConnection(Database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }


    public async Task DisposeAsync()
    {
        if (reader is not null)
            await reader.DisposeAsync();
        await Zalo.DisposeAsync();
        Database.Dispose();
    }
}
