using Quartz;

namespace ZaloBot.Jobs;

/// <summary>
/// Checks whether today's digest is due and unsent, and sends it. Safe to run any number of times a
/// day, so it runs at the digest time, again every 15 minutes until midnight (a failed run is retried
/// that way) and once at start-up (the catch-up after a restart).
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestDelivery delivery, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest");

    public static readonly TriggerKey Daily = new("digest-daily");

    public static readonly TriggerKey AtStartup = new("digest-at-startup");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (delivery.SendIfDue())
                logger.LogInformation("Today's digest was sent ({Trigger})", context.Trigger.Key.Name);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Today's digest could not be sent; the next check retries it");
        }
        return ValueTask.CompletedTask;
    }
}
