using ZaloBot.Storage;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Operations;

public sealed class HealthOptions
{
    /// <summary>Unhealthy when a queue's oldest due item has waited longer, or a worker has made no progress that long while work is due.</summary>
    public TimeSpan MaxQueueAge { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// What <c>/healthz</c> answers: starting until both workers run, then unhealthy, with the reason,
/// when a queue falls behind: its oldest due item has waited past <see cref="HealthOptions.MaxQueueAge"/>,
/// or its worker has finished or claimed nothing for that long while work is due.
/// </summary>
public static class ServiceHealth
{
    public sealed record Verdict(bool Healthy, string Status, string? Reason = null);

    public static Verdict Check(InboxWorker inbox, OutboxWorker outbox, HealthOptions options, TimeProvider clock)
    {
        if (!inbox.Running || !outbox.Running)
            return new Verdict(false, "starting");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, worker) in new (string, QueueWorker)[] { ("inbox", inbox), ("outbox", outbox) })
        {
            if (worker.Queue.OldestDue() is not { } oldest)
                continue;
            var waited = now - oldest;
            if (waited <= options.MaxQueueAge)
                continue;
            // Judged by how long work has waited, so a worker idle for hours is not blamed the moment an
            // event arrives; its last progress says whether it is stuck or only behind.
            return new Verdict(false, "unhealthy",
                $"the {name}'s oldest due item has waited {Seconds(waited)} s (at most {Seconds(options.MaxQueueAge)} s); " +
                $"its worker last made progress {Seconds(now - worker.LastProgress)} s ago");
        }
        return new Verdict(true, "ready");
    }

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
