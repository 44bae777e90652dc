namespace ZaloBot.Storage;

/// <summary>What handling one queue item came to.</summary>
public sealed record WorkOutcome(WorkOutcome.Kinds Kind, string? Detail = null, int? Code = null)
{
    public enum Kinds
    {
        Done,
        RetryLater,
        GaveUp,
    }

    public static WorkOutcome Done(string? detail = null) => new(Kinds.Done, detail);

    public static WorkOutcome RetryLater(string reason, int? code = null) => new(Kinds.RetryLater, reason, code);

    public static WorkOutcome GaveUp(string reason, int? code = null) => new(Kinds.GaveUp, reason, code);
}

/// <summary>
/// Drains a <see cref="DurableQueue"/>: items of one partition in order, partitions in parallel.
/// A failure is retried with exponential backoff and, after the last attempt, kept as failed with
/// its reason. Nothing here throws out of the loop: an exception counts as a failed attempt.
/// </summary>
public abstract class QueueWorker(DurableQueue queue, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected virtual int MaxAttempts => 6;

    protected virtual int MaxParallelPartitions => 8;

    public bool Running { get; private set; }

    protected abstract Task<WorkOutcome> HandleAsync(QueueItem item, CancellationToken ct);

    protected virtual TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(600, 2 * Math.Pow(3, attempts - 1)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Running = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DrainOnceAsync(stoppingToken);
                if (handled == 0)
                    await queue.WaitAsync(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Queue worker round failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        Running = false;
    }

    /// <summary>One pass over the due partitions; returns how many items were handled.</summary>
    internal async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = queue.Pending()
            .GroupBy(x => x.Partition)
            .Where(g => g.First().NextAttemptAt <= now)
            .ToList();
        var handled = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelPartitions, CancellationToken = ct },
            async (partition, token) =>
            {
                foreach (var item in partition)
                {
                    Interlocked.Increment(ref handled);
                    if (!await HandleOneAsync(item, token))
                        break; // later items of this partition wait for this one
                }
            });
        return handled;
    }

    private async Task<bool> HandleOneAsync(QueueItem item, CancellationToken ct)
    {
        WorkOutcome outcome;
        try
        {
            outcome = await HandleAsync(item, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling {Kind} #{Id} failed", item.Kind, item.Id);
            outcome = WorkOutcome.RetryLater(e.GetType().Name + ": " + e.Message);
        }

        switch (outcome.Kind)
        {
            case WorkOutcome.Kinds.Done:
                queue.Complete(item, outcome.Detail);
                return true;
            case WorkOutcome.Kinds.RetryLater when item.Attempts + 1 < MaxAttempts:
                queue.Retry(item, outcome.Detail ?? "", outcome.Code, Backoff(item.Attempts + 1));
                logger.LogWarning("{Kind} #{Id} will be retried (attempt {Attempt}): {Reason}", item.Kind, item.Id, item.Attempts, outcome.Detail);
                return false;
            default:
                queue.Fail(item, outcome.Detail ?? "", outcome.Code);
                logger.LogError("{Kind} #{Id} failed after {Attempts} attempt(s): {Reason} (code {Code})", item.Kind, item.Id, item.Attempts, outcome.Detail, outcome.Code);
                return true;
        }
    }
}
