using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ZaloBot.Operations;

namespace ZaloBot.Storage;

/// <summary>What handling one queue item came to.</summary>
/// <param name="Changes">
/// What the item changes, run in the same transaction as its completion (so a retry can never apply
/// it twice); it must not await.
/// </param>
public sealed record WorkOutcome(WorkOutcome.Kinds Kind, string? Detail = null, int? Code = null, Action? Changes = null)
{
    public enum Kinds
    {
        Done,
        RetryLater,
        GaveUp,
    }

    public static WorkOutcome Done(string? detail = null, Action? changes = null) => new(Kinds.Done, detail, Changes: changes);

    public static WorkOutcome RetryLater(string reason, int? code = null) => new(Kinds.RetryLater, reason, code);

    public static WorkOutcome GaveUp(string reason, int? code = null) => new(Kinds.GaveUp, reason, code);
}

/// <summary>
/// Works a <see cref="IWorkQueue"/> with a fixed set of consumers: a claimer takes as many due items
/// as there are idle consumers, each the oldest pending item of its partition, so one user's items
/// run in order, users run side by side, and a slow item holds only its own consumer and user. An
/// item's changes commit with its completion; a failure is retried with backoff and, after the last
/// attempt, kept as failed with its reason. Nothing here throws out of the loop.
/// </summary>
/// <param name="name">The queue's name in metrics ("inbox", "outbox").</param>
public abstract class QueueWorker(
    string name, IWorkQueue queue, IUnitOfWork unit, IOptions<StorageOptions> storage, ServiceMetrics metrics, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    private long lastProgressTicks;

    protected virtual int MaxAttempts => 6;

    protected virtual int Consumers => 16;

    /// <summary>How long a claim holds an item (<see cref="StorageOptions.ClaimLease"/>); longer than any handler may take.</summary>
    private TimeSpan Lease => storage.Value.ClaimLease;

    /// <summary>How long the claimer sleeps when nothing is due and no wake-up comes (retries and leases fall due by time).</summary>
    protected virtual TimeSpan IdleWait => TimeSpan.FromMilliseconds(250);

    public bool Running { get; private set; }

    /// <summary>When an item was last finished or claimed (for the health check).</summary>
    public DateTime LastProgress => new(Interlocked.Read(ref lastProgressTicks), DateTimeKind.Utc);

    public IWorkQueue Queue => queue;

    protected abstract Task<WorkOutcome> HandleAsync(QueueItem item, CancellationToken ct);

    /// <summary>2 s, 6 s, 18 s, … capped at 10 minutes.</summary>
    protected virtual TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(600, 2 * Math.Pow(3, Math.Min(attempts, 20) - 1)));

    /// <summary>Whether an item that has failed <paramref name="attempts"/> times is tried again.</summary>
    protected virtual bool ShouldRetry(int attempts) => attempts < MaxAttempts;

    /// <summary>How long the waits before the first <paramref name="attempts"/> retries add up to.</summary>
    protected TimeSpan TotalBackoff(int attempts)
    {
        var total = TimeSpan.Zero;
        for (var n = 1; n <= attempts; n++)
            total += Backoff(n);
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var work = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleWriter = true });
        using var idle = new SemaphoreSlim(Consumers, Consumers);
        var consumers = Enumerable.Range(0, Consumers).Select(_ => ConsumeAsync(work.Reader, idle, stoppingToken)).ToList();
        Touch();
        Running = true;
        logger.LogInformation("The {Queue} worker runs with {Consumers} consumers", name, Consumers);
        try
        {
            await ClaimLoopAsync(work.Writer, idle, stoppingToken);
        }
        finally
        {
            work.Writer.TryComplete();
            await Task.WhenAll(consumers);
            Running = false;
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<QueueItem> work, SemaphoreSlim idle, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await idle.WaitAsync(ct);
                var free = 1;
                while (free < Consumers && idle.Wait(0, CancellationToken.None))
                    free++;
                IReadOnlyList<QueueItem> claimed = [];
                try
                {
                    claimed = queue.Claim(free, Lease);
                }
                finally
                {
                    if (free > claimed.Count)
                        idle.Release(free - claimed.Count);
                }
                foreach (var item in claimed)
                    work.TryWrite(item);
                if (claimed.Count == 0)
                    await queue.WaitAsync(IdleWait, ct);
                else
                    Touch();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Claiming queue items failed; retrying shortly");
                await queue.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task ConsumeAsync(ChannelReader<QueueItem> work, SemaphoreSlim idle, CancellationToken ct)
    {
        await Task.Yield();
        await foreach (var item in work.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (!ct.IsCancellationRequested)
                    await HandleOneAsync(item, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Finishing {Kind} #{Id} ({Who}) failed; its claim runs out and it is tried again", item.Kind, item.Id, Who(item));
            }
            catch (OperationCanceledException)
            {
                // stopping: the claim is released when the service starts again
            }
            finally
            {
                idle.Release();
            }
        }
    }

    private async Task HandleOneAsync(QueueItem item, CancellationToken ct)
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
            outcome = Failure(item, e);
        }

        if (outcome.Kind == WorkOutcome.Kinds.Done)
        {
            try
            {
                // The unit may run more than once (see IUnitOfWork.RunAsync): each run completes its own copy.
                await unit.RunAsync(() =>
                {
                    outcome.Changes?.Invoke();
                    queue.Complete(item.Copy(), outcome.Detail);
                });
                metrics.Handled(name, item.Kind, gaveUp: false);
                Touch();
                return;
            }
            catch (Exception e)
            {
                // Nothing of the item was stored: read it back as it is, and retry it.
                outcome = Failure(item, e);
                item = queue.Find(item.Id) ?? item;
            }
        }

        if (outcome.Kind == WorkOutcome.Kinds.RetryLater && ShouldRetry(item.Attempts + 1))
        {
            queue.Retry(item, outcome.Detail ?? "", outcome.Code, Backoff(item.Attempts + 1));
            logger.LogWarning("{Kind} #{Id} ({Who}) will be retried (attempt {Attempt}): {Reason}", item.Kind, item.Id, Who(item), item.Attempts, outcome.Detail);
        }
        else
        {
            queue.Fail(item, outcome.Detail ?? "", outcome.Code);
            metrics.Handled(name, item.Kind, gaveUp: true);
            logger.LogError("{Kind} #{Id} ({Who}) failed after {Attempts} attempt(s): {Reason} (code {Code})", item.Kind, item.Id, Who(item), item.Attempts, outcome.Detail, outcome.Code);
        }
        Touch();
    }

    private WorkOutcome Failure(QueueItem item, Exception e)
    {
        logger.LogError(e, "Handling {Kind} #{Id} ({Who}) failed", item.Kind, item.Id, Who(item));
        return WorkOutcome.RetryLater(e.GetType().Name + ": " + e.Message);
    }

    /// <summary>A short hash of the item's user or group (its partition is already a keyed hash): enough to follow one user in the log, never their Zalo id.</summary>
    private static string Who(QueueItem item) => item.Partition.Length > 8 ? item.Partition[..8] : item.Partition;

    private void Touch() => Interlocked.Exchange(ref lastProgressTicks, clock.GetUtcNow().UtcDateTime.Ticks);
}
