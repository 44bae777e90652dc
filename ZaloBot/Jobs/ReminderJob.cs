using Quartz;

namespace ZaloBot.Jobs;

/// <summary>The afternoon reminder to communes that have not reported yet.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(Reminders reminders, ILogger<ReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder");

    public static readonly TriggerKey Daily = new("reminder-daily");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            logger.LogInformation("{Count} reminder(s) queued", reminders.Send());
        }
        catch (Exception e)
        {
            logger.LogError(e, "The reminders could not be sent");
        }
        return ValueTask.CompletedTask;
    }
}
