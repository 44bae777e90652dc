using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quartz;
using ZaloBot.Jobs;
using ZaloBot.Tests.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Tests.Volunteers;

namespace ZaloBot.Tests.Jobs;

/// <summary>
/// Two instances of the service on one PostgreSQL database share one clustered Quartz scheduler:
/// a job fires on one of them, and one that dies mid-job leaves the job to the other. Both run on
/// one fake clock, the Quartz time of both schedulers.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ClusteredJobsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Group = "f414c8f76fa586fbdfb4";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 6, 12, 16, 59, 0, Vietnam));
    private readonly ConcurrentQueue<Execution> executions = new();
    private FakeZaloServer zalo = null!;
    private BotHost first = null!;
    private BotHost second = null!;

    public async Task InitializeAsync()
    {
        database.Reset();
        zalo = await FakeZaloServer.StartAsync();
        var settings = new Dictionary<string, string?>(PostgresStoreContract.SettingsOf(database))
        {
            ["Survey:DefinitionPath"] = SeedSurvey.Path,
            ["Digest:GroupId"] = Group,
        };
        first = await BotHost.StartAsync(zalo, settings, b => b.Services.AddSingleton<TimeProvider>(clock));
        second = await BotHost.StartAsync(zalo, settings, b => b.Services.AddSingleton<TimeProvider>(clock));
        foreach (var bot in new[] { first, second })
            (await SchedulerOf(bot)).ListenerManager.AddJobListener(new Recorder(executions), [GroupMatcher<JobKey>.AnyGroup()]);
    }

    public async Task DisposeAsync()
    {
        HangingJob.Release();
        await second.DisposeAsync();
        await first.DisposeAsync();
        await zalo.DisposeAsync();
    }

    [SkippableFact]
    public async Task Both_instances_check_in_to_one_clustered_scheduler_whose_jobs_request_recovery()
    {
        var (a, b) = (await SchedulerOf(first), await SchedulerOf(second));

        Assert.NotEqual(a.SchedulerInstanceId, b.SchedulerInstanceId);
        Assert.Equal(a.SchedulerName, b.SchedulerName);
        await Poll.UntilAsync(() => CheckedIn().SetEquals([a.SchedulerInstanceId, b.SchedulerInstanceId]), "both instances in qrtz_scheduler_state", seconds: 20);
        Assert.True((await b.GetJobDetail(DigestJob.Key))!.RequestsRecovery);
        Assert.True((await b.GetJobDetail(ReminderJob.Key))!.RequestsRecovery);
        Assert.NotNull(await b.GetTrigger(DigestJob.Daily));
    }

    [SkippableFact]
    public async Task The_17_00_digest_fires_on_one_instance_only_and_the_group_gets_one_digest()
    {
        var a = await SchedulerOf(first);
        await Poll.UntilAsync(async () => await a.GetTrigger(DigestJob.AtStartup) is null && FiredTriggers().Count == 0, "the start-up checks", seconds: 20);

        clock.Advance(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(async () => (await a.GetTrigger(DigestJob.Daily))?.NextFireTimeUtc > clock.GetUtcNow() && FiredTriggers().Count == 0, "the 17:00 check", seconds: 20);
        await (await SchedulerOf(first)).Shutdown(waitForJobsToComplete: true);
        await (await SchedulerOf(second)).Shutdown(waitForJobsToComplete: true);
        await first.IdleAsync();
        await second.IdleAsync();

        Assert.Single(executions, e => e.Trigger.Equals(DigestJob.Daily));
        Assert.Single(first.Get<DigestRuns>().All());
        Assert.Single(zalo.CallsTo("/v3.0/oa/group/message"), c => c.Json["message"]!["text"]!.GetValue<string>() is var text
            && text.StartsWith("📊", StringComparison.Ordinal) && (!text.Contains("(phần ", StringComparison.Ordinal) || text.Contains("(phần 1/", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task A_job_left_unfinished_by_an_instance_that_died_is_run_by_the_other()
    {
        var a = await SchedulerOf(first);
        await a.ScheduleJob(
            JobBuilder.Create<HangingJob>().WithIdentity(HangingJob.Key).RequestRecovery().Build(),
            TriggerBuilder.Create(clock).WithIdentity("hanging-once").StartNow().Build());
        var started = await HangingJob.Started.WaitAsync(TimeSpan.FromSeconds(20));
        var (dead, survivor) = started.Instance == a.SchedulerInstanceId ? (first, second) : (second, first);

        // The instance stops checking in and never finishes the job, as if its process had been killed.
        await (await SchedulerOf(dead)).Shutdown(waitForJobsToComplete: false);
        var survivorId = (await SchedulerOf(survivor)).SchedulerInstanceId;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!HangingJob.Recovered.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance did not recover the job");
            clock.Advance(JobsSetup.CheckinInterval);
            await Poll.UntilAsync(() => LastCheckIn(survivorId) >= clock.GetUtcNow().ToUnixTimeMilliseconds() || HangingJob.Recovered.IsCompleted, "the survivor's check-in", seconds: 20);
        }

        var recovered = await HangingJob.Recovered;
        Assert.Equal(survivorId, recovered.Instance);
        Assert.True(recovered.Recovering);
        Assert.DoesNotContain(started.Instance, CheckedIn());
    }

    private static async Task<IScheduler> SchedulerOf(BotHost bot) => await bot.Get<ISchedulerFactory>().GetScheduler();

    private HashSet<string> CheckedIn() => [.. Query("SELECT instance_name FROM qrtz_scheduler_state", r => r.GetString(0))];

    private long LastCheckIn(string instance) =>
        Query("SELECT last_checkin_time FROM qrtz_scheduler_state WHERE instance_name = @p", r => r.GetInt64(0), instance).DefaultIfEmpty(0).Single();

    private List<string> FiredTriggers() => Query("SELECT trigger_name FROM qrtz_fired_triggers", r => r.GetString(0));

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, string? parameter = null)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
            command.Parameters.AddWithValue("p", parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }


    internal sealed record Execution(string Instance, TriggerKey Trigger, bool Recovering);

    /// <summary>Records every job run by the instance whose scheduler it listens to.</summary>
    private sealed class Recorder(ConcurrentQueue<Execution> executions) : IJobListener
    {
        public string Name => "test-recorder";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            executions.Enqueue(new Execution(context.Scheduler.SchedulerInstanceId, context.Trigger.Key, context.Recovering));
            return ValueTask.CompletedTask;
        }

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }

    /// <summary>Hangs on its first run (its instance is then made to die); a recovering run returns at once.</summary>
    public sealed class HangingJob : IJob
    {
        public static readonly JobKey Key = new("hanging");

        private static readonly TaskCompletionSource<Execution> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private static readonly TaskCompletionSource<Execution> recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private static readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal static Task<Execution> Started => started.Task;

        internal static Task<Execution> Recovered => recovered.Task;

        internal static void Release() => gate.TrySetResult();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var run = new Execution(context.Scheduler.SchedulerInstanceId, context.Trigger.Key, context.Recovering);
            if (context.Recovering)
            {
                recovered.TrySetResult(run);
                return;
            }
            started.TrySetResult(run);
            await gate.Task; // deaf to the shutdown's cancellation, as a killed process would be
        }
    }
}
