using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The webhook on PostgreSQL (<c>Storage:Provider=Postgres</c>), all measured in one run on the
/// server of <c>--postgres</c> with one load generator: raw single-row commits on one connection
/// (what one durable write costs on this server), then the service as one instance and as two
/// instances on one database sharing the load (the n-th event goes to instance n mod 2). Each gets
/// a scratch database of its own, created beside the one named and dropped at the end (the user
/// needs CREATEDB). For the service: events acknowledged in a closed loop and how fast they were
/// all answered, then events answered while sending at a fixed rate. Each subject is first run for
/// a while unmeasured (see <see cref="LoadBenchmark"/>).
/// </summary>
internal static class PostgresLoadBenchmark
{
    private const int Connections = 32;

    public static async Task<int> RunAsync(Options options, string connectionString)
    {
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 5));
        var rate = options.Int("rate", 1000);
        var only = options.Int("only", 0); // 1 or 2: only the service with that many instances (for a profiler)
        NpgsqlConnectionStringBuilder admin;
        try
        {
            admin = new NpgsqlConnectionStringBuilder(connectionString);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {duration.TotalSeconds:F0} s per phase");
            Console.WriteLine(ServerSettings(admin.ConnectionString));
        }
        catch (Exception e) when (e is ArgumentException or NpgsqlException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"The PostgreSQL server of --postgres cannot be used: {e.Message.Split('\n')[0]}");
            return 1;
        }

        using var load = new LoadGenerator();
        if (only > 0)
        {
            await ServiceAsync(load, admin, only, "d", "e", duration, rate);
            return 0;
        }
        double raw;
        await using (var scratch = ScratchDatabase.Create(admin))
            RawCommits(scratch.ConnectionString, LoadBenchmark.WarmUp);
        await using (var scratch = ScratchDatabase.Create(admin))
            raw = RawCommits(scratch.ConnectionString, duration);
        Console.WriteLine($"raw PostgreSQL single-row commits, one connection: {raw:F0} /s");

        var one = await ServiceAsync(load, admin, instances: 1, "d", "e", duration, rate);
        var two = await ServiceAsync(load, admin, instances: 2, "h", "i", duration, rate);

        Console.WriteLine($"1 instance acknowledges {LoadBenchmark.Ratio(one.Acknowledged, raw)} raw single-connection commits (goal >= 1.0x)");
        Console.WriteLine($"2 instances acknowledge {LoadBenchmark.Ratio(two.Acknowledged, one.Acknowledged)} of 1 instance (goal >= 0.90x), "
            + $"answer end to end {LoadBenchmark.Ratio(two.Answered, one.Answered)}");
        Console.WriteLine($"memory: working set {Environment.WorkingSet / 1048576} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MiB");
        return 0;
    }

    private sealed record Service(double Acknowledged, double Answered);

    private static async Task<Service> ServiceAsync(
        LoadGenerator load, NpgsqlConnectionStringBuilder admin, int instances, string closedRun, string openRun, TimeSpan duration, int rate)
    {
        await using var scratch = ScratchDatabase.Create(admin);
        await using var zalo = await FakeZaloServer.StartAsync();
        var replies = LoadBenchmark.FirstReplies(zalo);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = scratch.ConnectionString,
            ["Survey:RespondentKeySecret"] = "a secret the benchmark's instances share",
            ["Zalo:MaxRequestsPerMinute"] = "100000000",
        };
        var bots = new List<BotHost>();
        try
        {
            for (var i = 0; i < instances; i++)
                bots.Add(await BotHost.StartAsync(zalo, settings));
            var webhooks = bots.Select(b => b.BaseUrl + "/zalo/webhook").ToArray();
            string Spread(int n) => webhooks[n % webhooks.Length];
            var name = instances == 1 ? "1 instance" : $"{instances} instances";
            var warmRun = ((char)(closedRun[0] + 6)).ToString();
            var warm = await load.ClosedLoopAsync(Spread, n => LoadBenchmark.Event(warmRun, n), Connections, LoadBenchmark.WarmUp);
            await AllAnsweredAsync(bots[0], replies, warmRun, warm.Ok);

            var start = Stopwatch.GetTimestamp();
            var closed = await load.ClosedLoopAsync(Spread, n => LoadBenchmark.Event(closedRun, n), Connections, duration);
            await AllAnsweredAsync(bots[0], replies, closedRun, closed.Ok);
            var (answered, lastAt) = AnsweredOf(replies, closedRun);
            var endToEnd = answered / Stopwatch.GetElapsedTime(start, lastAt).TotalSeconds;
            Console.WriteLine($"{name}, closed loop ({Connections} in flight): {closed.PerSecond:F0} events/s acknowledged ({closed.Failed} failed); "
                + $"all {answered:N0} answered {Stopwatch.GetElapsedTime(start, lastAt).TotalSeconds:F1} s after the first was sent: {endToEnd:F0} events/s end to end"
                + (answered < closed.Ok ? $", {closed.Ok - answered} unanswered" : ""));

            start = Stopwatch.GetTimestamp();
            var open = await load.OpenLoopAsync(Spread, n => LoadBenchmark.Event(openRun, n), rate, duration * 2);
            var windowEnd = Stopwatch.GetTimestamp();
            var backlog = bots[0].Get<Inbox>().Queue.CountPending() + bots[0].Get<ZaloBot.Zalo.Outbox>().Queue.CountPending();
            await AllAnsweredAsync(bots[0], replies, openRun, open.Ok);
            var inWindow = replies.Count(r => r.Key.StartsWith(PrefixOf(openRun), StringComparison.Ordinal) && r.Value <= windowEnd);
            var (openAnswered, openLast) = AnsweredOf(replies, openRun);
            Console.WriteLine($"{name} at {rate:N0} events/s for {(duration * 2).TotalSeconds:F0} s: {inWindow / Stopwatch.GetElapsedTime(start, windowEnd).TotalSeconds:F0} events/s answered while sending, "
                + $"backlog {backlog} at the end of sending, all answered {Stopwatch.GetElapsedTime(windowEnd, Math.Max(openLast, windowEnd)).TotalSeconds:F1} s later"
                + (openAnswered < open.Ok ? $", {open.Ok - openAnswered} unanswered" : ""));
            return new Service(closed.PerSecond, endToEnd);
        }
        finally
        {
            foreach (var bot in bots)
                await bot.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits until every acknowledged event of a run was answered, counting the replies the fake Zalo
    /// server received (counting the database's pending items every 50 ms, as the tests do, took a
    /// fifth of a core from the service while it drained), then until the queues are idle: they are
    /// the database's, so idle for one instance is idle for all.
    /// </summary>
    private static async Task AllAnsweredAsync(BotHost bot, ConcurrentDictionary<string, long> replies, string run, int acknowledged)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 600;
        while (AnsweredOf(replies, run).Count < acknowledged && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(50);
        await bot.IdleAsync(TimeSpan.FromMinutes(10));
    }

    /// <summary>How many users of a run got their first reply, and when the last one did.</summary>
    private static (int Count, long LastAt) AnsweredOf(ConcurrentDictionary<string, long> replies, string run)
    {
        var prefix = PrefixOf(run);
        var times = replies.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r.Value).ToList();
        return (times.Count, times.Count == 0 ? Stopwatch.GetTimestamp() : times.Max());
    }

    private static string PrefixOf(string run) => LoadBenchmark.UserOf(run, 0)[..3];

    /// <summary>Inbox-sized rows (a hashed key, a partition, a 1 KB payload), one INSERT committing by itself at a time, as a prepared statement.</summary>
    private static double RawCommits(string connectionString, TimeSpan duration)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var create = new NpgsqlCommand(
            "CREATE TABLE raw (id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, partition text NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL)", connection))
            create.ExecuteNonQuery();
        using var insert = new NpgsqlCommand("INSERT INTO raw (key, partition, payload, created_at) VALUES ($1, $2, $3, $4)", connection);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = new string('x', 1024) });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        insert.Prepare();
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            insert.Parameters[0].Value = Guid.NewGuid().ToString("N") + count.ToString("D12", CultureInfo.InvariantCulture);
            insert.Parameters[1].Value = Guid.NewGuid().ToString("N");
            insert.Parameters[3].Value = DateTime.UtcNow;
            insert.ExecuteNonQuery();
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The server's version and the settings that make its commits cheaper than on a production server.</summary>
    private static string ServerSettings(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return $"PostgreSQL {reader.GetString(0)} at {connection.Host}:{connection.Port}: fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}"
            + (reader.GetString(1) == "off" ? " (commits never wait for the disk: figures above a production server's)" : "");
    }

    /// <summary>A database of its own on the server, dropped when done.</summary>
    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string admin;
        private readonly string name = "zalobot_bench_" + Guid.NewGuid().ToString("N")[..12];

        private ScratchDatabase(NpgsqlConnectionStringBuilder admin)
        {
            this.admin = admin.ConnectionString;
            Execute(this.admin, $"CREATE DATABASE {name}");
            ConnectionString = new NpgsqlConnectionStringBuilder(this.admin) { Database = name }.ConnectionString;
        }

        public string ConnectionString { get; }

        public static ScratchDatabase Create(NpgsqlConnectionStringBuilder admin) => new(admin);

        public ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            return ValueTask.CompletedTask;
        }

        private static void Execute(string connectionString, string sql)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
