using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The webhook under load against its limits, all measured in one run with one load generator:
/// a bare Kestrel endpoint answering 200 (what HTTP costs here), raw LiteDB single-commit inserts
/// (what one durable write costs here), then the service: events acknowledged in a closed loop,
/// acknowledgement latency at 500 events/s, first-reply latency at 200 events/s, and events
/// answered end to end at 1,000 events/s. Each subject is first run for a while unmeasured: a
/// service runs for days, and the first seconds of a process go to compiling its code again with
/// what it has learned (on two cores, that took a third of the CPU of a cold five-second phase).
/// </summary>
internal static class LoadBenchmark
{
    private const int Connections = 32;

    internal static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Options options)
    {
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 5));
        // "e2e" runs the service at 1,000 events/s alone (for a profiler); "intake" measures the
        // closed loop with the inbox worker stopped: what acknowledging alone costs.
        var only = options.String("only");
        using var load = new LoadGenerator();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {duration.TotalSeconds:F0} s per phase");

        if (only == "e2e")
            return await EndToEndOnlyAsync(load, duration);
        if (only == "intake")
            return await IntakeOnlyAsync(load, duration);

        // Baselines
        Phase bareClosed, bareAt500;
        await using (var bare = await BareKestrelAsync())
        {
            await load.ClosedLoopAsync(bare, n => Event("a", n), Connections, WarmUp);
            bareClosed = await load.ClosedLoopAsync(bare, n => Event("b", n), Connections, duration);
            bareAt500 = await load.OpenLoopAsync(bare, n => Event("c", n), 500, duration);
        }
        RawLiteDbInserts(WarmUp);
        var rawInserts = RawLiteDbInserts(duration);
        Console.WriteLine($"bare Kestrel, closed loop ({Connections} in flight): {bareClosed.PerSecond:F0} req/s");
        Console.WriteLine($"bare Kestrel at 500 req/s: p50 {bareAt500.Percentile(0.5):F2} ms, p99 {bareAt500.Percentile(0.99):F2} ms");
        Console.WriteLine($"raw LiteDB single-commit inserts ({Connections} writers): {rawInserts:F0} /s");

        // The service
        await using var zalo = await FakeZaloServer.StartAsync();
        var replies = FirstReplies(zalo);
        await using var bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Zalo:MaxRequestsPerMinute"] = "100000000" });
        var webhook = bot.BaseUrl + "/zalo/webhook";
        await load.ClosedLoopAsync(webhook, n => Event("h", n), Connections, WarmUp);
        await DrainAsync(bot);

        var closed = await load.ClosedLoopAsync(webhook, n => Event("d", n), Connections, duration);
        var drained = await DrainAsync(bot);
        Console.WriteLine($"service, closed loop ({Connections} in flight): {closed.PerSecond:F0} events/s acknowledged ({closed.Failed} failed), "
            + $"{Ratio(closed.PerSecond, rawInserts)} raw LiteDB inserts; backlog handled {drained.TotalSeconds:F1} s later");

        var at500 = await load.OpenLoopAsync(webhook, n => Event("e", n), 500, duration);
        await DrainAsync(bot);
        Console.WriteLine($"service at 500 events/s: acknowledged p50 {at500.Percentile(0.5):F2} ms, p99 {at500.Percentile(0.99):F2} ms "
            + $"({Ratio(at500.Percentile(0.99), bareAt500.Percentile(0.99))} bare Kestrel's p99)");

        var firstReply = await RepliesAsync(load, bot, webhook, replies, "f", 200, duration);
        Console.WriteLine($"service at 200 events/s: first reply p50 {firstReply.P50:F1} ms, p99 {firstReply.P99:F1} ms, {firstReply.Missing} of {firstReply.Sent} missing");

        var endToEnd = await RepliesAsync(load, bot, webhook, replies, "g", 1000, duration * 2);
        Console.WriteLine($"service at 1,000 events/s: {endToEnd.AnsweredInWindow / endToEnd.Window.TotalSeconds:F0} events/s answered while sending, "
            + $"backlog {endToEnd.BacklogAtEnd} at the end of sending, all answered {endToEnd.DrainedAfter.TotalSeconds:F1} s later, {endToEnd.Missing} missing");

        Console.WriteLine($"memory: working set {Environment.WorkingSet / 1048576} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MiB");
        return 0;
    }

    private static async Task<int> EndToEndOnlyAsync(LoadGenerator load, TimeSpan duration)
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        var replies = FirstReplies(zalo);
        await using var bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Zalo:MaxRequestsPerMinute"] = "100000000" });
        await load.ClosedLoopAsync(bot.BaseUrl + "/zalo/webhook", n => Event("h", n), Connections, WarmUp);
        await DrainAsync(bot);
        Console.WriteLine($"pid {Environment.ProcessId}: sending in 5 s");
        await Task.Delay(5000);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var endToEnd = await RepliesAsync(load, bot, bot.BaseUrl + "/zalo/webhook", replies, "g", 1000, duration);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // CPU per event (load generator and fake Zalo included) holds up on a busy machine where rates do not.
        Console.WriteLine($"service at 1,000 events/s: {endToEnd.AnsweredInWindow / endToEnd.Window.TotalSeconds:F0} events/s answered while sending, backlog {endToEnd.BacklogAtEnd}; "
            + $"{cpu.TotalMilliseconds / endToEnd.Sent:F2} ms of CPU per event, all answered");
        return 0;
    }

    private static async Task<int> IntakeOnlyAsync(LoadGenerator load, TimeSpan duration)
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        await using var bot = await BotHost.StartAsync(zalo);
        await bot.Get<InboxWorker>().StopAsync(CancellationToken.None);
        var webhook = bot.BaseUrl + "/zalo/webhook";
        await load.ClosedLoopAsync(webhook, n => Event("h", n), Connections, WarmUp);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var closed = await load.ClosedLoopAsync(webhook, n => Event("d", n), Connections, duration);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        RawLiteDbInserts(WarmUp);
        var rawInserts = RawLiteDbInserts(duration);
        Console.WriteLine($"raw LiteDB single-commit inserts ({Connections} writers): {rawInserts:F0} /s");
        Console.WriteLine($"service with its inbox worker stopped, closed loop ({Connections} in flight): {closed.PerSecond:F0} events/s acknowledged ({closed.Failed} failed), "
            + $"{Ratio(closed.PerSecond, rawInserts)} raw LiteDB inserts; {cpu.TotalMicroseconds / closed.Ok:F0} µs of CPU per event (load generator included)");
        return 0;
    }

    /// <summary>When each user got their first reply from the fake Zalo server.</summary>
    internal static ConcurrentDictionary<string, long> FirstReplies(FakeZaloServer zalo)
    {
        var replies = new ConcurrentDictionary<string, long>();
        zalo.Received += call =>
        {
            if (call.Path == "/v3.0/oa/message/cs" && call.Json["recipient"]?["user_id"]?.GetValue<string>() is { } user)
                replies.TryAdd(user, Stopwatch.GetTimestamp());
        };
        return replies;
    }

    internal static string Ratio(double value, double baseline) => (value / baseline).ToString("F2", CultureInfo.InvariantCulture) + "×";

    /// <summary>A user's first message, the commune code: each gets one reply (question 1).</summary>
    internal static string Event(string run, int n) =>
        BotHost.TextEventOf(UserOf(run, n), "X07", $"{run}-{n}");

    internal static string UserOf(string run, int n) => "9" + (run[0] - 'a').ToString("D2", CultureInfo.InvariantCulture) + n.ToString("D16", CultureInfo.InvariantCulture);

    private sealed record Replies(int Sent, int Missing, double P50, double P99, int AnsweredInWindow, TimeSpan Window, int BacklogAtEnd, TimeSpan DrainedAfter);

    private static async Task<Replies> RepliesAsync(LoadGenerator load, BotHost bot, string webhook, ConcurrentDictionary<string, long> replies, string run, int rate, TimeSpan duration)
    {
        var sentAt = new ConcurrentDictionary<string, long>();
        var start = Stopwatch.GetTimestamp();
        var phase = await load.OpenLoopAsync(webhook, n => Event(run, n), rate, duration, (n, dueTicks) => sentAt[UserOf(run, n)] = start + dueTicks);
        var windowEnd = Stopwatch.GetTimestamp();
        var backlog = bot.Get<Inbox>().Queue.CountPending() + bot.Get<Outbox>().Queue.CountPending();
        var drained = await DrainAsync(bot);
        await Task.Delay(200);
        var latencies = sentAt.Select(s => replies.TryGetValue(s.Key, out var at) ? (at - s.Value) * 1000.0 / Stopwatch.Frequency : double.NaN).ToList();
        var answered = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
        var inWindow = sentAt.Keys.Count(user => replies.TryGetValue(user, out var at) && at <= windowEnd);
        double Percentile(double p) => answered.Count == 0 ? double.NaN : answered[(int)Math.Min(answered.Count - 1, Math.Ceiling(p * answered.Count) - 1)];
        return new Replies(phase.Ok, sentAt.Count - answered.Count, Percentile(0.5), Percentile(0.99), inWindow,
            Stopwatch.GetElapsedTime(start, windowEnd), backlog, drained);
    }

    private static async Task<TimeSpan> DrainAsync(BotHost bot)
    {
        var watch = Stopwatch.StartNew();
        await bot.IdleAsync(TimeSpan.FromMinutes(5));
        return watch.Elapsed;
    }

    private sealed class BareKestrel(WebApplication app) : IAsyncDisposable
    {
        public string Url => app.Urls.First() + "/zalo/webhook";

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        public static implicit operator string(BareKestrel bare) => bare.Url;
    }

    private static async Task<BareKestrel> BareKestrelAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/zalo/webhook", () => Results.Ok(new { status = "accepted" }));
        await app.StartAsync();
        return new BareKestrel(app);
    }

    /// <summary>Inbox-sized documents (a protected event is about 1 KB), one commit each, from as many writers as the load has connections.</summary>
    private static double RawLiteDbInserts(TimeSpan duration)
    {
        var folder = Path.Combine(Path.GetTempPath(), "zalobot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, "raw.db"), Connection = ConnectionType.Direct });
            var items = db.GetCollection("raw");
            var payload = new string('x', 1024);
            var count = 0;
            var clock = Stopwatch.StartNew();
            Parallel.For(0, Connections, new ParallelOptions { MaxDegreeOfParallelism = Connections }, _ =>
            {
                while (clock.Elapsed < duration)
                {
                    items.Insert(new BsonDocument { ["payload"] = payload, ["created"] = DateTime.UtcNow });
                    Interlocked.Increment(ref count);
                }
            });
            return count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
