using Microsoft.Extensions.Options;
using ZaloBot.Conversation;
using ZaloBot.Dashboard;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Storage;

/// <summary>
/// Deletes, in small batches, what has outlived its window, so that under a steady load the data
/// stops growing: handled webhook events past the dedupe window, sent messages and digest charts
/// past <see cref="StorageOptions.KeepSentDays"/> (failed messages stay for an operator), surveys
/// abandoned far longer than the idle timeout, expired sign-in codes and dashboard sessions, the
/// outbound call counts of past minutes, and quiet registration throttles.
/// </summary>
public sealed class Janitor(
    IWorkQueues queues,
    IConversationStore conversations,
    ISignInCodeStore signInCodes,
    IDashboardSessions sessions,
    IOutboundBudget outboundBudget,
    IThrottleStore throttles,
    IBlobStore blobs,
    IUnitOfWork unit,
    IOptions<StorageOptions> storage,
    IOptions<SurveyEngineOptions> survey,
    TimeProvider clock,
    ILogger<Janitor> logger) : BackgroundService
{
    public const int Batch = 500;

    /// <summary>A survey untouched for this many idle timeouts (at least a day) is gone for good.</summary>
    private const int AbandonedAfterIdleTimeouts = 12;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                CleanUp();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Clean-up failed; it runs again later");
            }
            try
            {
                await Task.Delay(storage.Value.CleanupEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass: each kind in batches until none is left; returns how many records were deleted.</summary>
    public int CleanUp()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sentBefore = now - TimeSpan.FromDays(storage.Value.KeepSentDays);
        var idle = survey.Value.IdleTimeout * AbandonedAfterIdleTimeouts;
        var abandonedBefore = now - (idle > TimeSpan.FromDays(1) ? idle : TimeSpan.FromDays(1));
        var deleted =
            Drain(() => queues.Inbox.DeleteDoneBefore(now - storage.Value.DedupeWindow, Batch))
            + Drain(() => queues.Outbox.DeleteDoneBefore(sentBefore, Batch))
            + Drain(() => blobs.DeleteOlderThan("charts/", sentBefore, Batch))
            + Drain(() => conversations.DeleteIdleSince(abandonedBefore, Batch))
            + Drain(() => signInCodes.DeleteExpired(now, Batch))
            + Drain(() => sessions.DeleteExpired(now, Batch))
            + Drain(() => outboundBudget.DeleteBefore(now - TimeSpan.FromHours(1), Batch))
            + Drain(() => throttles.DeleteQuietSince(now - TimeSpan.FromDays(1), Batch));
        if (deleted > 0)
            logger.LogInformation("Clean-up deleted {Count} record(s) past their window", deleted);
        return deleted;
    }

    private int Drain(Func<int> deleteBatch)
    {
        int total = 0, deleted;
        do
        {
            deleted = unit.Run(deleteBatch);
            total += deleted;
        }
        while (deleted == Batch);
        return total;
    }
}
