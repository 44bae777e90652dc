using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Reporting;
using ZaloBot.Conversation;
using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Storage;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// What every storage provider must do, run against each (<see cref="LiteDbStoreContract"/>,
/// <see cref="PostgresStoreContract"/>): the stores are built by the service's own
/// <see cref="StorageSetup.AddStorage"/> from the provider's settings, with a clock the tests move.
/// </summary>
public abstract class StoreContract : IDisposable
{
    private const string Survey = "PKS02_2024";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly List<IHost> hosts = [];

    protected StoreContract(IDictionary<string, string?> settings)
    {
        Settings = settings;
        Services = Open().Services;
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero));

    protected IDictionary<string, string?> Settings { get; }

    protected IServiceProvider Services { get; }

    protected IUnitOfWork Unit => Get<IUnitOfWork>();

    protected IWorkQueue Inbox => Get<IWorkQueues>().Inbox;

    protected IWorkQueue Outbox => Get<IWorkQueues>().Outbox;

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The stores of one service instance on the provider's data (several for PostgreSQL: instances sharing a database).</summary>
    protected IHost Open()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddStorage();
        var host = builder.Build();
        hosts.Add(host);
        return host;
    }

    public virtual void Dispose()
    {
        foreach (var host in hosts)
            host.Dispose();
        GC.SuppressFinalize(this);
    }

    private static NewQueueItem Item(string partition, string payload, string? key = null) => new(key, partition, "test", payload);

    private static StoredResponse Response(
        string respondent, string commune, DateTime submittedAt, string[]? flags = null, Dictionary<string, List<string>>? answers = null, string survey = Survey) => new()
    {
        SurveyId = survey,
        RespondentKey = respondent,
        CommuneCode = commune,
        StartedAt = submittedAt.AddMinutes(-3),
        SubmittedAt = submittedAt,
        DurationSeconds = 180,
        QualityFlags = [.. flags ?? []],
        Answers = answers ?? new() { ["age"] = ["25_49"], ["field"] = ["dat_dai", "ho_tich"], ["comment"] = [] },
    };

    // ---- the unit of work

    [SkippableFact]
    public void A_unit_of_work_that_throws_leaves_nothing_of_what_it_stored()
    {
        var blobs = Get<IBlobStore>();
        Assert.Throws<IOException>(() => Unit.Run(() =>
        {
            Get<IConversationStore>().Save("u1", new ConversationState { CommuneCode = "X07" });
            Assert.True(Get<IResponseStore>().TryAdd(Response("r1", "X07", Now)));
            Outbox.Enqueue(Item("p1", "hello"));
            Inbox.Enqueue(Item("p1", "event", key: "k1"));
            blobs.Put("photos/1", "1.jpg", [1, 2, 3]);
            Get<IStaffStore>().Register("staff-1", StaffRole.Commune, "X07", Now);
            throw new IOException("injected");
        }));

        Assert.Null(Get<IConversationStore>().Load("u1"));
        Assert.Null(Get<IResponseStore>().Find(Survey, "r1"));
        Assert.Equal(0, Get<IResponseStore>().Count(Survey));
        Assert.Empty(Get<IResponseStore>().Tallies(Survey, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Empty(Outbox.All());
        Assert.Empty(Inbox.All());
        Assert.Null(blobs.Get("photos/1"));
        Assert.Null(Get<IStaffStore>().Find("staff-1"));
        // the key was never stored: the event is new when it comes again
        Assert.True(Inbox.Enqueue(Item("p1", "event", key: "k1")));
    }

    [SkippableFact]
    public void A_nested_unit_of_work_commits_with_the_outer_one_and_rolls_back_with_it()
    {
        var conversations = Get<IConversationStore>();
        Assert.Throws<InvalidOperationException>(() => Unit.Run(() =>
        {
            Unit.Run(() => conversations.Save("inner", new ConversationState { CommuneCode = "X07" }));
            Assert.NotNull(conversations.Load("inner")); // visible inside the transaction
            throw new InvalidOperationException("outer fails after the inner one finished");
        }));
        Assert.Null(conversations.Load("inner"));

        Unit.Run(() =>
        {
            Unit.Run(() => conversations.Save("inner", new ConversationState { CommuneCode = "X07" }));
            conversations.Save("outer", new ConversationState { CommuneCode = "X08" });
        });
        Assert.Equal("X07", conversations.Load("inner")!.CommuneCode);
        Assert.Equal("X08", conversations.Load("outer")!.CommuneCode);
    }

    [SkippableFact]
    public void A_store_call_outside_a_unit_of_work_commits_on_its_own()
    {
        var conversations = Get<IConversationStore>();
        conversations.Save("alone", new ConversationState { CommuneCode = "X07" });
        Assert.Throws<IOException>(() => Unit.Run(() =>
        {
            conversations.Delete("alone");
            throw new IOException("injected");
        }));
        Assert.Equal("X07", conversations.Load("alone")!.CommuneCode);
    }

    [SkippableFact]
    public void Units_of_work_on_many_threads_each_commit_whole()
    {
        var conversations = Get<IConversationStore>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                Unit.Run(() =>
                {
                    conversations.Save("user" + i, new ConversationState { CommuneCode = "X07" });
                    Outbox.Enqueue(Item("user" + i, "reply"));
                    if (i % 2 == 1)
                        throw new IOException("odd ones fail");
                });
            }
            catch (IOException)
            {
            }
        });

        for (var i = 0; i < 40; i++)
            Assert.Equal(i % 2 == 0, conversations.Load("user" + i) is not null);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "user" + (2 * i)).Order(), Outbox.All().Select(x => x.Partition).Order());
    }

    // ---- the queues

    [SkippableFact]
    public void The_inbox_stores_a_key_once_and_the_outbox_never_dedupes()
    {
        Assert.Equal([true, false, true], Inbox.Enqueue([Item("a", "1", key: "k1"), Item("a", "1 again", key: "k1"), Item("b", "2", key: "k2")]));
        Assert.False(Inbox.Enqueue(Item("a", "1 once more", key: "k1")));
        Assert.Equal(["1", "2"], Inbox.All().Select(x => x.Payload));

        Assert.Equal([true, true], Outbox.Enqueue([Item("a", "x"), Item("a", "x")]));
        Assert.Equal(2, Outbox.CountPending());
        var stored = Outbox.All()[0];
        Assert.Equal(QueueStatus.Pending, stored.Status);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(Now, stored.DueAt);
        Assert.Equal("test", stored.Kind);
    }

    [SkippableFact]
    public void A_claim_takes_only_the_oldest_pending_item_of_each_partition()
    {
        Outbox.Enqueue([Item("a", "a1"), Item("a", "a2"), Item("b", "b1"), Item("c", "c1"), Item("c", "c2")]);

        var first = Outbox.Claim(10, Lease);
        Assert.Equal(["a1", "b1", "c1"], first.Select(x => x.Payload).Order());
        Assert.All(first, x => Assert.Equal(Now + Lease, x.ClaimedUntil));
        Assert.Empty(Outbox.Claim(10, Lease)); // a2 and c2 wait for their heads

        Outbox.Complete(first.Single(x => x.Payload == "a1"), "sent");
        Assert.Equal(["a2"], Outbox.Claim(10, Lease).Select(x => x.Payload));
    }

    [SkippableFact]
    public void A_claim_takes_at_most_what_is_asked_oldest_due_first()
    {
        Outbox.Enqueue([Item("a", "a1")]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Outbox.Enqueue([Item("b", "b1")]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Outbox.Enqueue([Item("c", "c1")]);

        Assert.Equal(["a1", "b1"], Outbox.Claim(2, Lease).Select(x => x.Payload));
        Assert.Equal(["c1"], Outbox.Claim(2, Lease).Select(x => x.Payload));
    }

    [SkippableFact]
    public void A_claimed_item_is_not_claimed_again_until_its_lease_runs_out()
    {
        Outbox.Enqueue(Item("a", "a1"));
        var claimed = Assert.Single(Outbox.Claim(5, Lease));

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(Outbox.Claim(5, Lease));
        Assert.Equal(1, Outbox.CountPending());
        Assert.Null(Outbox.OldestDue());

        Clock.Advance(TimeSpan.FromSeconds(1));
        var again = Assert.Single(Outbox.Claim(5, Lease));
        Assert.Equal(claimed.Id, again.Id);
        Assert.Equal(Now + Lease, again.ClaimedUntil);
    }

    [SkippableFact]
    public void A_retried_item_waits_for_its_backoff_and_holds_its_partition()
    {
        Outbox.Enqueue([Item("a", "a1"), Item("a", "a2")]);
        var item = Assert.Single(Outbox.Claim(5, Lease));

        Outbox.Retry(item, "Zalo busy", -32, TimeSpan.FromSeconds(10));

        var stored = Outbox.Find(item.Id)!;
        Assert.Equal((1, "Zalo busy", -32, QueueStatus.Pending), (stored.Attempts, stored.Result, stored.Code, stored.Status));
        Assert.Null(stored.ClaimedUntil);
        Assert.Equal(Now + TimeSpan.FromSeconds(10), stored.DueAt);
        Assert.Empty(Outbox.Claim(5, Lease)); // a2 stays behind a1
        Assert.Equal(2, Outbox.CountPending());

        Clock.Advance(TimeSpan.FromSeconds(10));
        var retried = Assert.Single(Outbox.Claim(5, Lease));
        Assert.Equal("a1", retried.Payload);
        Assert.Equal(1, retried.Attempts);
    }

    [SkippableFact]
    public void A_failed_item_keeps_its_payload_and_lets_its_partition_go_on()
    {
        Outbox.Enqueue([Item("a", "a1"), Item("a", "a2")]);
        var item = Assert.Single(Outbox.Claim(5, Lease));

        Outbox.Fail(item, "user blocked the OA", -213);

        var failed = Assert.Single(Outbox.Failed(10));
        Assert.Equal(("a1", QueueStatus.Failed, "user blocked the OA", -213, 1), (failed.Payload, failed.Status, failed.Result, failed.Code, failed.Attempts));
        Assert.Null(failed.DueAt);
        Assert.Equal(Now, failed.FinishedAt);
        Assert.Equal(["a2"], Outbox.Claim(5, Lease).Select(x => x.Payload));
    }

    [SkippableFact]
    public void The_first_Live_start_is_remembered_and_later_ones_keep_it()
    {
        var history = Get<ZaloBot.Zalo.IModeHistoryStore>();
        Assert.Null(history.LiveSince());

        history.MarkLive(Now);
        history.MarkLive(Now.AddDays(1));

        Assert.Equal(Now, history.LiveSince());
    }

    [SkippableFact]
    public void A_requeued_failed_item_is_due_at_once_with_its_attempts_counted_afresh()
    {
        Outbox.Enqueue([Item("a", "a1"), Item("b", "b1")]);
        var claimed = Outbox.Claim(5, Lease);
        Outbox.Fail(claimed[0], "Zalo was down", -32);
        Outbox.Complete(claimed[1], "msg-1");
        var id = claimed[0].Id;
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.False(Outbox.Requeue(claimed[1].Id)); // a sent message is never sent again
        Assert.False(Outbox.Requeue(id + 1000));
        Assert.True(Outbox.Requeue(id));
        Assert.False(Outbox.Requeue(id)); // already pending

        Assert.Empty(Outbox.Failed(10));
        Assert.Equal(1, Outbox.CountPending());
        Assert.Equal(Now, Outbox.OldestDue());
        var again = Assert.Single(Outbox.Claim(5, Lease));
        Assert.Equal(("a1", QueueStatus.Pending, 0), (again.Payload, again.Status, again.Attempts));
        Outbox.Complete(again, "msg-2");
        Assert.Equal(0, Outbox.CountPending());
    }

    [SkippableFact]
    public void A_completed_item_drops_its_payload_and_keeps_its_result()
    {
        Inbox.Enqueue(Item("a", "secret body", key: "k"));
        var item = Assert.Single(Inbox.Claim(5, Lease));
        Inbox.Complete(item, "msg-1");

        var done = Inbox.Find(item.Id)!;
        Assert.Equal((QueueStatus.Done, (string?)null, "msg-1", 1), (done.Status, done.Payload, done.Result, done.Attempts));
        Assert.Null(done.DueAt);
        Assert.Null(done.ClaimedUntil);
        Assert.Equal(0, Inbox.CountPending());
        Assert.False(Inbox.Enqueue(Item("a", "secret body", key: "k"))); // still remembered
    }

    [SkippableFact]
    public void Pending_counts_and_oldest_due_follow_the_items()
    {
        Assert.Equal(0, Outbox.CountPending());
        Assert.Null(Outbox.OldestDue());
        var first = Now;
        Outbox.Enqueue(Item("a", "a1"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Outbox.Enqueue(Item("b", "b1"));
        Assert.Equal(2, Outbox.CountPending());
        Assert.Equal(first, Outbox.OldestDue());

        Outbox.Claim(1, Lease);
        Assert.Equal(2, Outbox.CountPending()); // claimed is still pending
        Assert.Equal(first + TimeSpan.FromSeconds(5), Outbox.OldestDue());
    }

    [SkippableFact]
    public void Deleting_done_items_goes_in_batches_and_keeps_failed_and_pending_ones()
    {
        Outbox.Enqueue([.. Enumerable.Range(0, 5).Select(i => Item("p" + i, "x" + i))]);
        var claimed = Outbox.Claim(5, Lease).OrderBy(x => x.Id).ToList();
        for (var i = 0; i < 3; i++)
            Outbox.Complete(claimed[i], "sent");
        Outbox.Fail(claimed[3], "gave up", null);
        Clock.Advance(TimeSpan.FromDays(1));
        Outbox.Enqueue(Item("later", "y"));

        Assert.Equal(2, Outbox.DeleteDoneBefore(Now, 2));
        Assert.Equal(1, Outbox.DeleteDoneBefore(Now, 2));
        Assert.Equal(0, Outbox.DeleteDoneBefore(Now, 2));
        Assert.Equal([QueueStatus.Failed, QueueStatus.Pending, QueueStatus.Pending], Outbox.All().Select(x => x.Status));
        Assert.Equal("x3", Assert.Single(Outbox.Failed(10)).Payload);
    }

    [SkippableFact]
    public void Done_items_finished_after_the_cut_stay()
    {
        Outbox.Enqueue(Item("a", "a1"));
        Outbox.Complete(Assert.Single(Outbox.Claim(1, Lease)), "sent");
        Assert.Equal(0, Outbox.DeleteDoneBefore(Now - TimeSpan.FromSeconds(1), 10));
        Assert.Single(Outbox.All());
    }

    [SkippableFact]
    public async Task Storing_an_item_wakes_a_waiting_claimer()
    {
        var waiting = Outbox.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Outbox.Enqueue(Item("a", "a1"));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [SkippableFact]
    public async Task Eight_claimers_never_hold_two_items_of_one_partition_at_once()
    {
        const int partitions = 20, perPartition = 10, total = partitions * perPartition;
        for (var i = 0; i < perPartition; i++)
            Outbox.Enqueue([.. Enumerable.Range(0, partitions).Select(p => Item("p" + p, $"{p}:{i}"))]);

        var held = new ConcurrentDictionary<string, long>();
        var lastDone = new ConcurrentDictionary<string, int>();
        var violations = new ConcurrentQueue<string>();
        var done = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a bound, not an expectation: a hang fails below
        var claimers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            while (Volatile.Read(ref done) < total && !stop.IsCancellationRequested)
            {
                foreach (var item in Outbox.Claim(3, TimeSpan.FromMinutes(10)))
                {
                    if (!held.TryAdd(item.Partition, item.Id))
                        violations.Enqueue($"{item.Partition}: #{item.Id} claimed while #{held[item.Partition]} was held");
                    var sequence = int.Parse(item.Payload!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
                    if (sequence != lastDone.GetValueOrDefault(item.Partition, -1) + 1)
                        violations.Enqueue($"{item.Partition}: item {sequence} out of order");
                    Thread.SpinWait(2000);
                    lastDone[item.Partition] = sequence;
                    held.TryRemove(item.Partition, out long _);
                    Unit.Run(() => Outbox.Complete(item, "sent"));
                    Interlocked.Increment(ref done);
                }
            }
        })).ToList();
        await Task.WhenAll(claimers);

        Assert.Empty(violations);
        Assert.Equal(total, done);
        Assert.All(Outbox.All(), x => Assert.Equal(QueueStatus.Done, x.Status));
    }

    // ---- responses and their counters

    [SkippableFact]
    public void A_citizen_is_stored_once_per_survey_and_counted_once()
    {
        var responses = Get<IResponseStore>();
        var submitted = new DateTime(2026, 11, 3, 3, 0, 0, DateTimeKind.Utc);
        Assert.True(responses.TryAdd(Response("r1", "X07", submitted, flags: ["too_fast"])));
        Assert.False(responses.TryAdd(Response("r1", "X08", submitted.AddHours(1))));
        Assert.True(responses.TryAdd(Response("r1", "X07", submitted, survey: "OTHER")));

        var found = responses.Find(Survey, "r1")!;
        Assert.Equal(("X07", submitted, 180d), (found.CommuneCode, found.SubmittedAt, found.DurationSeconds));
        Assert.Equal(["dat_dai", "ho_tich"], found.Answers["field"]);
        Assert.Equal(["too_fast"], found.QualityFlags);
        Assert.Equal(Survey + "|r1", found.OncePerCitizen);
        Assert.Equal(1, responses.Count(Survey));
        Assert.Equal(1, responses.Count("OTHER"));
    }

    [SkippableFact]
    public void Many_responses_at_once_are_stored_and_counted_as_one_by_one()
    {
        var responses = Get<IResponseStore>();
        var morning = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc);
        Assert.True(responses.TryAdd(Response("r0", "X07", morning)));

        var added = responses.TryAddMany(
        [
            Response("r0", "X07", morning),
            Response("r1", "X07", morning, flags: ["too_fast"]),
            Response("r2", "X07", morning.AddHours(1), answers: new() { ["field"] = ["ho_tich"] }),
            Response("r3", "X08", morning),
        ]);

        Assert.Equal(3, added);
        var nov3 = new DateOnly(2026, 11, 3);
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 3, [("X08", nov3)] = 1 }, responses.CountByCommuneAndDay(Survey, nov3, nov3));
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 1 }, responses.CountFlagged(Survey, "too_fast", nov3, nov3));
        var field = responses.Tallies(Survey, "X07", nov3, nov3).Where(t => t.QuestionId == "field").ToDictionary(t => t.OptionId, t => t.Count);
        Assert.Equal(3, field[""]);
        Assert.Equal((2, 3), (field["dat_dai"], field["ho_tich"]));
        Assert.Equal(4, responses.Count(Survey));
    }

    [SkippableFact]
    public void Counters_keep_respondents_flags_and_options_per_commune_and_vietnam_day()
    {
        var responses = Get<IResponseStore>();
        var morning = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc); // 09:00 in Vietnam
        var lateEvening = new DateTime(2026, 11, 3, 17, 30, 0, DateTimeKind.Utc); // 00:30 on 4 November in Vietnam
        responses.TryAdd(Response("r1", "X07", morning, flags: ["too_fast", "too_fast"], answers: new() { ["field"] = ["dat_dai", "dat_dai", "ho_tich"], ["comment"] = [] }));
        responses.TryAdd(Response("r2", "X07", morning.AddHours(1), flags: ["too_fast", "same_answer"], answers: new() { ["field"] = ["dat_dai"] }));
        responses.TryAdd(Response("r3", "X07", lateEvening, answers: new() { ["field"] = ["ho_tich"] }));
        responses.TryAdd(Response("r4", "X08", morning, answers: new() { ["field"] = ["dat_dai"] }));

        var nov3 = new DateOnly(2026, 11, 3);
        var nov4 = new DateOnly(2026, 11, 4);
        Assert.Equal(
            new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 2, [("X07", nov4)] = 1, [("X08", nov3)] = 1 },
            responses.CountByCommuneAndDay(Survey, nov3, nov4));
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov4)] = 1 }, responses.CountByCommuneAndDay(Survey, nov4, nov4, "X07"));
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 2 }, responses.CountFlagged(Survey, "too_fast", nov3, nov4));
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 1 }, responses.CountFlagged(Survey, "same_answer", nov3, nov4));
        Assert.Empty(responses.CountFlagged(Survey, "same_answer", nov4, nov4));
        Assert.Equal(4, responses.Count(Survey));

        var tallies = responses.Tallies(Survey, "X07", nov3, nov4).OrderBy(t => t.QuestionId).ThenBy(t => t.OptionId).ToList();
        Assert.Equal(
            [new TallyCount("X07", "field", "", 3), new TallyCount("X07", "field", "dat_dai", 2), new TallyCount("X07", "field", "ho_tich", 2)],
            tallies);
        Assert.Equal(3, responses.Tallies(Survey, null, nov3, nov3).Where(t => t.OptionId == "").Sum(t => t.Count));
        Assert.Empty(responses.Tallies(Survey, null, nov4.AddDays(1), nov4.AddDays(9)));
    }

    [SkippableFact]
    public void Responses_stream_once_each_in_submission_order_however_many_share_a_time()
    {
        var responses = Get<IResponseStore>();
        var noon = new DateTime(2026, 11, 3, 5, 0, 0, DateTimeKind.Utc);
        responses.TryAddMany([
            .. Enumerable.Range(0, 1200).Select(i => Response($"same-{i}", "X07", noon)),
            .. Enumerable.Range(0, 1300).Select(i => Response($"later-{i}", "X08", noon.AddSeconds(1 + i))),
            .. Enumerable.Range(0, 300).Select(i => Response($"other-{i}", "X07", noon.AddSeconds(i), survey: "OTHER")),
        ]);

        var streamed = responses.Stream(Survey).ToList();

        Assert.Equal(2500, streamed.Count);
        Assert.Equal(2500, streamed.Select(r => r.RespondentKey).Distinct().Count());
        Assert.All(streamed, r => Assert.Equal(Survey, r.SurveyId));
        Assert.Equal(streamed.OrderBy(r => r.SubmittedAt).Select(r => r.RespondentKey), streamed.Select(r => r.RespondentKey));
    }

    [SkippableFact]
    public void Counters_lose_no_count_when_many_responses_arrive_at_once()
    {
        var responses = Get<IResponseStore>();
        var submitted = new DateTime(2026, 11, 3, 3, 0, 0, DateTimeKind.Utc);
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            Assert.True(responses.TryAdd(Response("r" + i, "X07", submitted, flags: ["too_fast"]))));

        var day = new DateOnly(2026, 11, 3);
        Assert.Equal(64, responses.CountByCommuneAndDay(Survey, day, day)[("X07", day)]);
        Assert.Equal(64, responses.CountFlagged(Survey, "too_fast", day, day)[("X07", day)]);
        Assert.Equal(64, responses.Tallies(Survey, "X07", day, day).Single(t => t.QuestionId == "field" && t.OptionId == "dat_dai").Count);
    }

    [SkippableFact]
    public void Responses_stream_in_submission_order_past_one_page()
    {
        var responses = Get<IResponseStore>();
        var start = new DateTime(2026, 11, 3, 1, 0, 0, DateTimeKind.Utc);
        var order = Enumerable.Range(0, 620).Select(i => (Key: "r" + i, At: start.AddSeconds((i * 7919) % 620))).ToList();
        foreach (var (key, at) in order)
            responses.TryAdd(Response(key, "X07", at));
        responses.TryAdd(Response("other", "X07", start, survey: "OTHER"));

        var streamed = responses.Stream(Survey).ToList();
        Assert.Equal(order.OrderBy(x => x.At).Select(x => x.Key), streamed.Select(x => x.RespondentKey));
    }

    // ---- the other stores

    [SkippableFact]
    public void A_conversation_is_saved_loaded_deleted_and_dropped_when_idle()
    {
        var conversations = Get<IConversationStore>();
        var state = new ConversationState { CommuneCode = "X07", Answers = { ["age"] = ["25_49"] } };
        conversations.Save("u1", state);
        Assert.Equal(["25_49"], conversations.Load("u1")!.Answers["age"]);
        conversations.Delete("u1");
        Assert.Null(conversations.Load("u1"));

        for (var i = 0; i < 3; i++)
            conversations.Save("old" + i, state);
        Clock.Advance(TimeSpan.FromHours(2));
        conversations.Save("fresh", state);
        Assert.Equal(2, conversations.DeleteIdleSince(Now - TimeSpan.FromHours(1), 2));
        Assert.Equal(1, conversations.DeleteIdleSince(Now - TimeSpan.FromHours(1), 2));
        Assert.NotNull(conversations.Load("fresh"));
    }

    [SkippableFact]
    public void Staff_register_with_random_logins_and_are_found_by_id_login_role_and_commune()
    {
        var staff = Get<IStaffStore>();
        var first = staff.Register("zalo-1", StaffRole.Commune, "X07", Now);
        var second = staff.Register("zalo-2", StaffRole.District, "X07", Now);
        Assert.Matches("^cb[a-z2-9]{4}$", first.LoginName);
        Assert.NotEqual(first.LoginName, second.LoginName);
        Assert.Null(second.CommuneCode);
        Assert.Equal("zalo-1", staff.UserIdOf(staff.Find("zalo-1")!));
        Assert.DoesNotContain("zalo-1", staff.Find("zalo-1")!.ProtectedUserId);

        first.AnsweringAsCitizen = true;
        staff.Update(first);
        Assert.True(staff.FindByLogin($" {first.LoginName.ToUpperInvariant()} ")!.AnsweringAsCitizen);
        var again = staff.Register("zalo-1", StaffRole.Commune, "X08", Now);
        Assert.Equal((first.LoginName, "X08", false), (again.LoginName, again.CommuneCode, again.AnsweringAsCitizen));

        Assert.Equal([second.LoginName], staff.Officials().Select(x => x.LoginName));
        Assert.Equal([first.LoginName], staff.OfCommune("X08").Select(x => x.LoginName));
        Assert.Empty(staff.OfCommune("X07"));
        Assert.Equal(2, staff.All().Count);
        Assert.Equal(staff.KeyOf("zalo-1"), staff.Find("zalo-1")!.Key);
    }

    [SkippableFact]
    public void Staff_keep_their_name_and_position_and_a_count_waiting_for_confirmation_until_they_register_again()
    {
        var staff = Get<IStaffStore>();
        var member = staff.Register("zalo-1", StaffRole.Commune, "X07", Now);
        member.FullName = "Nguyễn Văn Đức";
        member.Position = "Hội CCB xã";
        member.PendingCount = new PendingVisitorCount { Date = new DateTime(2024, 6, 12, 0, 0, 0, DateTimeKind.Utc), Visitors = 640, AskedAt = Now };
        staff.Update(member);

        var found = staff.Find("zalo-1")!;
        Assert.Equal(("Nguyễn Văn Đức", "Hội CCB xã"), (found.FullName, found.Position));
        Assert.Equal((new DateTime(2024, 6, 12), 640, Now), (found.PendingCount!.Date, found.PendingCount.Visitors, found.PendingCount.AskedAt));
        Assert.Equal("Nguyễn Văn Đức, Hội CCB xã", staff.All().Single().Signature());

        var again = staff.Register("zalo-1", StaffRole.Commune, "X08", Now);
        Assert.Null(again.PendingCount);
        Assert.Null(staff.Find("zalo-1")!.PendingCount);
        Assert.Equal("Nguyễn Văn Đức", staff.Find("zalo-1")!.FullName);
    }

    [SkippableFact]
    public void A_disabled_member_stays_disabled_when_registering_again_and_a_removed_one_is_gone()
    {
        var staff = Get<IStaffStore>();
        var member = staff.Register("zalo-1", StaffRole.Commune, "X07", Now);
        staff.Register("zalo-2", StaffRole.Commune, "X07", Now);
        Assert.False(member.Disabled);

        member.Disabled = true;
        staff.Update(member);
        Assert.True(staff.Find("zalo-1")!.Disabled);
        Assert.True(staff.Register("zalo-1", StaffRole.Commune, "X07", Now).Disabled);
        Assert.True(staff.FindByLogin(member.LoginName)!.Disabled);

        Assert.True(staff.Remove(member.Key));
        Assert.False(staff.Remove(member.Key));
        Assert.Null(staff.Find("zalo-1"));
        Assert.Equal(["zalo-2"], staff.OfCommune("X07").Select(staff.UserIdOf));
    }

    [SkippableFact]
    public void Invite_codes_are_set_replaced_and_revoked()
    {
        var codes = Get<IInviteCodeStore>();
        Assert.Null(codes.Find("X07"));
        codes.Save(new InviteCodeRecord { Scope = "X07", CodeHash = "AB", ChangedBy = "s1", ChangedAt = Now });
        codes.Save(new InviteCodeRecord { Scope = "X07", CodeHash = null, ChangedBy = "s2", ChangedAt = Now });
        var stored = codes.Find("X07")!;
        Assert.Equal(((string?)null, "s2", Now), (stored.CodeHash, stored.ChangedBy, stored.ChangedAt));
    }

    [SkippableFact]
    public void Registration_attempts_round_trip_and_quiet_ones_are_dropped()
    {
        var throttles = Get<IThrottleStore>();
        throttles.Save(new RegistrationAttempts { Key = "quiet", Failures = [Now.AddHours(-3)] });
        throttles.Save(new RegistrationAttempts { Key = "locked", Failures = [], Lockouts = 2, LockedUntil = Now.AddHours(1) });
        throttles.Save(new RegistrationAttempts { Key = "recent", Failures = [Now.AddHours(-3), Now.AddMinutes(-1)] });
        var recent = throttles.Find("recent")!;
        Assert.Equal([Now.AddHours(-3), Now.AddMinutes(-1)], recent.Failures);
        Assert.Equal((2, Now.AddHours(1)), (throttles.Find("locked")!.Lockouts, throttles.Find("locked")!.LockedUntil!.Value));

        Assert.Equal(1, throttles.DeleteQuietSince(Now.AddHours(-1), 10));
        Assert.Null(throttles.Find("quiet"));
        throttles.Delete("recent");
        Assert.Null(throttles.Find("recent"));
        Assert.NotNull(throttles.Find("locked"));
    }

    [SkippableFact]
    public void Visitor_counts_keep_their_history_and_are_read_by_range_and_commune()
    {
        var counts = new VisitorCounts(Get<IVisitorCountStore>());
        var day = new DateOnly(2026, 11, 3);
        counts.Report("X07", day, 40, "s1", Now);
        counts.Report("X07", day, 42, "s2", Now.AddMinutes(5));
        counts.Report("X07", day.AddDays(1), 10, "s1", Now);
        counts.Report("X08", day, 7, "s3", Now);

        var stored = counts.Find("X07", day)!;
        Assert.Equal((42, new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc)), (stored.Visitors, stored.Date));
        Assert.Equal([(null, 40, "s1"), (40, 42, "s2")], stored.History.Select(h => (h.OldValue, h.NewValue, h.StaffKey)));
        Assert.Equal(
            new Dictionary<(string, DateOnly), int> { [("X07", day)] = 42, [("X07", day.AddDays(1))] = 10, [("X08", day)] = 7 },
            counts.Between(day, day.AddDays(1)));
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X08", day)] = 7 }, counts.Between(day, day.AddDays(1), "X08"));
    }

    [SkippableFact]
    public void A_photo_is_stored_once_with_its_image_and_counted_per_commune_and_day()
    {
        var photos = new PhotoReports(Get<IPhotoStore>(), Get<IBlobStore>());
        var day = new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc);
        PhotoReport Report(string id, string commune, DateTime date) =>
            new() { Id = id, CommuneCode = commune, Date = date, StaffKey = "s1", Caption = "bàn tiếp dân", ReceivedAt = Now };
        Assert.True(photos.Add(Report("e1-0", "X07", day), [1, 2, 3]));
        Assert.False(photos.Add(Report("e1-0", "X07", day), [9, 9]));
        Assert.True(photos.Add(Report("e1-1", "X07", day), [4]));
        Assert.True(photos.Add(Report("e2-0", "X07", day.AddDays(1)), [5]));
        Assert.True(photos.Add(Report("e3-0", "X08", day), [6]));

        var first = photos.Find("e1-0")!;
        Assert.Equal(("photos/e1-0", 3L, "bàn tiếp dân", day), (first.FileId, first.Size, first.Caption, first.Date));
        Assert.Equal(new byte[] { 1, 2, 3 }, photos.Content(first));
        Assert.Equal(["e1-0", "e1-1"], photos.Of("X07", DateOnly.FromDateTime(day)).Select(x => x.Id).Order());
        var d = DateOnly.FromDateTime(day);
        Assert.Equal(
            new Dictionary<(string, DateOnly), int> { [("X07", d)] = 2, [("X07", d.AddDays(1))] = 1, [("X08", d)] = 1 },
            photos.CountByCommuneAndDay(d, d.AddDays(1)));
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X08", d)] = 1 }, photos.CountByCommuneAndDay(d, d, "X08"));
        Assert.Equal(4, photos.All().Count);
    }

    [SkippableFact]
    public void An_imported_roster_replaces_the_previous_one()
    {
        var roster = new Roster(Get<IRosterStore>(), Unit);
        var day = new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc);
        roster.ReplaceAll([new RosterEntry { CommuneCode = "X07", Name = "Nguyễn Văn A", Position = "Công chức", Phone = "0900", DutyDates = [day] }]);
        roster.ReplaceAll(
        [
            new RosterEntry { CommuneCode = "X07", Name = "Trần Thị B", Position = "", DutyDates = [day, day.AddDays(1)] },
            new RosterEntry { CommuneCode = "X08", Name = "Lê Văn C", Position = "Tình nguyện viên", DutyDates = [day] },
        ]);

        var all = roster.All();
        Assert.Equal(["Trần Thị B", "Lê Văn C"], all.Select(x => x.Name));
        Assert.Equal([day, day.AddDays(1)], all[0].DutyDates);
        Assert.Null(all[0].Phone);
        Assert.Equal(2, all.Select(x => x.Id).Distinct().Count());
        Assert.Equal(["Trần Thị B"], roster.OnDuty("X07", DateOnly.FromDateTime(day)));
    }

    [SkippableFact]
    public void A_sign_in_code_is_saved_replaced_and_dropped_once_expired()
    {
        var codes = Get<ISignInCodeStore>();
        codes.Save(new PendingCode { StaffKey = "s1", CodeHash = "h1", IssuedAt = Now, ExpiresAt = Now.AddMinutes(10) });
        codes.Save(new PendingCode { StaffKey = "s1", CodeHash = "h2", IssuedAt = Now, ExpiresAt = Now.AddMinutes(10), Attempts = 2 });
        codes.Save(new PendingCode { StaffKey = "s2", CodeHash = "h3", IssuedAt = Now, ExpiresAt = Now.AddMinutes(1) });
        Assert.Equal(("h2", 2, Now.AddMinutes(10)), (codes.Find("s1")!.CodeHash, codes.Find("s1")!.Attempts, codes.Find("s1")!.ExpiresAt));

        Assert.Equal(1, codes.DeleteExpired(Now.AddMinutes(5), 10));
        Assert.Null(codes.Find("s2"));
        codes.Delete("s1");
        Assert.Null(codes.Find("s1"));
    }

    [SkippableFact]
    public void The_admin_password_and_the_token_pair_are_single_records_that_saving_replaces()
    {
        var passwords = Get<IAdminPasswordStore>();
        Assert.Null(passwords.Get());
        passwords.Save(new StoredPassword { Salt = [1], Hash = [2], Iterations = 10, SetAt = Now });
        passwords.Save(new StoredPassword { Salt = [3, 4], Hash = [5, 6], Iterations = 600_000, SetAt = Now });
        var password = passwords.Get()!;
        Assert.Equal([3, 4], password.Salt);
        Assert.Equal([5, 6], password.Hash);
        Assert.Equal((600_000, Now), (password.Iterations, password.SetAt));

        var tokens = Get<ITokenPairStore>();
        Assert.Null(tokens.Get());
        tokens.Save(new StoredTokens { AccessToken = "a1", RefreshToken = "r1", ExpiresAt = Now.AddHours(1), UpdatedAt = Now });
        tokens.Save(new StoredTokens { AccessToken = "a2", RefreshToken = "r2", ExpiresAt = null, UpdatedAt = Now });
        var pair = tokens.Get()!;
        Assert.Equal(("a2", "r2", (DateTime?)null, Now), (pair.AccessToken, pair.RefreshToken, pair.ExpiresAt, pair.UpdatedAt));
    }

    [SkippableFact]
    public void A_dashboard_session_is_active_until_it_ends_or_expires_and_an_ended_one_is_not_extended()
    {
        var sessions = Get<IDashboardSessions>();
        sessions.Start("s1", Now.AddMinutes(30));
        sessions.Start("s2", Now.AddMinutes(5));
        Assert.True(sessions.IsActive("s1"));
        Assert.False(sessions.IsActive("unknown"));

        sessions.Extend("s2", Now.AddMinutes(60));
        sessions.End("s1");
        sessions.Extend("s1", Now.AddMinutes(60));
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.False(sessions.IsActive("s1"));
        Assert.True(sessions.IsActive("s2"));

        sessions.Start("s3", Now.AddMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(sessions.IsActive("s3"));
        sessions.Extend("s3", Now.AddMinutes(60));
        Assert.False(sessions.IsActive("s3"));
        Assert.Equal(1, Unit.Run<int>(() => sessions.DeleteExpired(Now, 10)));
        Assert.Equal(0, Unit.Run<int>(() => sessions.DeleteExpired(Now, 10)));
        Assert.True(sessions.IsActive("s2"));
    }

    [SkippableFact]
    public async Task The_token_refresh_lock_is_held_by_one_caller_at_a_time()
    {
        var tokens = Get<ITokenPairStore>();
        var held = await tokens.LockForRefreshAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await tokens.LockForRefreshAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));

        var next = tokens.LockForRefreshAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
        await held.DisposeAsync();
        await using var got = await next;
        Assert.NotNull(got);
    }

    [SkippableFact]
    public void The_outbound_budget_gives_at_most_the_limit_per_minute_and_each_minute_afresh()
    {
        var budget = Get<IOutboundBudget>();
        var minute = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc);

        Assert.Equal(4, budget.Take(minute, 4, 10));
        Assert.Equal(4, budget.Take(minute, 4, 10));
        Assert.Equal(2, budget.Take(minute, 4, 10)); // what is left, not a block past the limit
        Assert.Equal(0, budget.Take(minute, 1, 10));

        var next = minute.AddMinutes(1);
        Assert.Equal(3, budget.Take(next, 3, 10));
        Unit.Run(() => budget.DeleteBefore(next, 10));
        Assert.Equal(7, budget.Take(next, 20, 10)); // the current minute's count is kept
    }

    [SkippableFact]
    public void A_digest_date_is_claimed_once()
    {
        var runs = Get<IJobRunStore>();
        var day = new DateOnly(2026, 11, 3);
        Assert.False(runs.Claimed(day));
        Assert.True(runs.TryClaim(new DigestRun { Date = DigestRuns.KeyOf(day), SentAt = Now, ToGroup = true, Officials = 2 }));
        Assert.False(runs.TryClaim(new DigestRun { Date = DigestRuns.KeyOf(day), SentAt = Now, Final = true }));
        Assert.True(runs.Claimed(day));
        var run = Assert.Single(runs.All());
        Assert.Equal((false, true, 2), (run.Final, run.ToGroup, run.Officials));
    }

    [SkippableFact]
    public void Blobs_are_replaced_by_id_and_those_under_a_prefix_are_deleted_in_batches()
    {
        // LiteDB dates its files by the machine's clock, not the service's: cut far before and far after.
        var longAgo = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var farAhead = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var blobs = Get<IBlobStore>();
        blobs.Put("charts/1", "1.png", [1]);
        blobs.Put("charts/1", "1b.png", [1, 1]);
        blobs.Put("charts/2", "2.png", [2]);
        blobs.Put("photos/1", "1.jpg", [3]);

        var replaced = blobs.Get("charts/1")!;
        Assert.Equal("1b.png", replaced.FileName);
        Assert.Equal([1, 1], replaced.Content);
        Assert.Equal(0, blobs.DeleteOlderThan("charts/", longAgo, 10));
        Assert.Equal(1, blobs.DeleteOlderThan("charts/", farAhead, 1));
        Assert.Equal(1, blobs.DeleteOlderThan("charts/", farAhead, 1));
        Assert.Equal(0, blobs.DeleteOlderThan("charts/", farAhead, 1));
        Assert.Null(blobs.Get("charts/1"));
        Assert.Null(blobs.Get("charts/2"));
        Assert.Equal([3], blobs.Get("photos/1")!.Content);
        Assert.Null(blobs.Get("photos/2"));
    }

    // ---- what a copy between stores reads in full and stores as it was

    [SkippableFact]
    public void Every_record_a_copy_needs_is_read_in_full_and_stored_back_as_it_was()
    {
        Assert.True(Get<IResponseStore>().TryAdd(Response("r1", "X07", Now)));
        Assert.True(Get<IResponseStore>().TryAdd(Response("r1", "X07", Now, survey: "PKS03_2025")));
        Assert.Equal(["PKS02_2024", "PKS03_2025"], Get<IResponseStore>().SurveyIds());

        var conversations = Get<IConversationStore>();
        conversations.Save("u1", new ConversationState { CommuneCode = "X07", Answers = { ["age"] = ["25_49"] } });
        var saved = Assert.Single(conversations.All());
        conversations.Delete("u1");
        Assert.Empty(conversations.All());
        conversations.Import(saved);
        Assert.Equal(saved, Assert.Single(conversations.All()));
        Assert.Equal(["25_49"], conversations.Load("u1")!.Answers["age"]);

        var staff = Get<IStaffStore>();
        var member = staff.Register("zalo-1", StaffRole.Commune, "X07", Now);
        member.FullName = "Nguyễn Văn A";
        staff.Update(member);
        Assert.True(staff.Remove(member.Key));
        staff.Import(member);
        var back = staff.Find("zalo-1")!;
        Assert.Equal((member.Key, member.LoginName, "Nguyễn Văn A", "zalo-1"), (back.Key, back.LoginName, back.FullName, staff.UserIdOf(back)));

        var codes = Get<IInviteCodeStore>();
        codes.Save(new InviteCodeRecord { Scope = "X07", CodeHash = "AB", ChangedBy = "s1", ChangedAt = Now });
        codes.Save(new InviteCodeRecord { Scope = "HUYEN", CodeHash = null, ChangedBy = "s2", ChangedAt = Now });
        Assert.Equal([("HUYEN", (string?)null), ("X07", "AB")], codes.All().Select(c => (c.Scope, c.CodeHash)).OrderBy(c => c.Scope, StringComparer.Ordinal));

        var counts = new VisitorCounts(Get<IVisitorCountStore>());
        counts.Report("X07", new DateOnly(2026, 11, 3), 40, "s1", Now);
        counts.Report("X07", new DateOnly(2026, 11, 3), 42, "s2", Now);
        var count = Assert.Single(Get<IVisitorCountStore>().All());
        Assert.Equal((42, 2), (count.Visitors, count.History.Count));

        Get<IBlobStore>().Put("photos/1", "1.jpg", [1]);
        Get<IBlobStore>().Put("charts/1", "1.png", [2]);
        Assert.Equal(["charts/1", "photos/1"], Get<IBlobStore>().Ids().Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Imported_queue_items_keep_their_state_in_order_and_a_claimed_one_comes_unclaimed()
    {
        Inbox.Enqueue(Item("p1", "a", key: "k1"));
        Inbox.Enqueue(Item("p1", "b", key: "k2"));
        Inbox.Enqueue(Item("p2", "c", key: "k3"));
        Inbox.Enqueue(Item("p3", "d", key: "k4"));
        var claimed = Inbox.Claim(10, Lease);
        Inbox.Complete(claimed.Single(i => i.Key == "k1"), "done");
        Inbox.Fail(claimed.Single(i => i.Key == "k3"), "broken", 7);
        var items = Inbox.All();

        Assert.Equal(0, Inbox.Import(items)); // every key is stored already
        Assert.Equal(4, Outbox.Import(items));
        var copied = Outbox.All();
        Assert.Equal(items.Select(i => (i.Key, i.Partition, i.Payload, i.Status, i.Attempts, i.Result, i.Code)),
            copied.Select(i => (i.Key, i.Partition, i.Payload, i.Status, i.Attempts, i.Result, i.Code)));
        Assert.All(copied, i => Assert.Null(i.ClaimedUntil));
        Assert.Equal("broken", Assert.Single(Outbox.Failed(10)).Result);
        // Still claimed where it came from, due again here: p1's next item and p3's.
        Assert.Equal(["b", "d"], Outbox.Claim(10, Lease).Select(i => i.Payload).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Secrets_protect_and_hash_with_the_providers_keys()
    {
        var secrets = Get<Secrets>();
        var protectedText = secrets.Protect("5550001112223334445");
        Assert.DoesNotContain("5550001112223334445", protectedText);
        Assert.Equal("5550001112223334445", secrets.Unprotect(protectedText));
        Assert.Equal(secrets.Hash("staff", "x"), secrets.Hash("staff", "x"));
        Assert.NotEqual(secrets.Hash("staff", "x"), secrets.Hash("conversation", "x"));
    }
}
