using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LiteDB;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// A LiteDB collection used as a claim-based work queue. <see cref="QueueItem.DueAt"/> is indexed
/// (null once finished), so a claim reads only due items, in due order. Only the process that owns
/// the file works its queues, so a claim is kept in memory rather than written: nothing to release
/// after a crash, no commit per claim. A claim still has a lease: one never finished (its handler
/// died) is dropped when the lease runs out, and the item is claimed again.
/// </summary>
public sealed class LiteWorkQueue : IWorkQueue
{
    /// <summary>How many due items one claim reads at most while looking for partition heads (only their id and partition).</summary>
    private const int ScanLimit = 256;

    private static readonly DateTime Epoch = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);

    private readonly LiteStore store;
    private readonly ILiteCollection<QueueItem> items;
    private readonly TimeProvider clock;
    private readonly bool uniqueKeys;
    private readonly WakeUp wakeUp = new();
    private readonly ConcurrentDictionary<long, DateTime> claims = new();

    public LiteWorkQueue(LiteStore store, string name, TimeProvider clock, bool uniqueKeys)
    {
        this.store = store;
        items = store.Collection<QueueItem>(name);
        store.Run(() =>
        {
            items.EnsureIndex(x => x.DueAt);
            items.EnsureIndex(x => x.Partition);
            if (uniqueKeys)
                items.EnsureIndex(x => x.Key, unique: true);
        });
        this.clock = clock;
        this.uniqueKeys = uniqueKeys;
    }

    [SuppressMessage("Naming", "CA1725:Parameter names should match base declaration", Justification = "Here items is the LiteDB collection field; the batch keeps its own name.")]
    public IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> batch)
    {
        var now = Now;
        var stored = new bool[batch.Count];
        store.RunFirst(() =>
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                if (uniqueKeys && item.Key is not null && items.Exists(LiteQuery.Eq(nameof(QueueItem.Key), item.Key)))
                    continue;
                items.Insert(new QueueItem
                {
                    Key = item.Key,
                    Partition = item.Partition,
                    Kind = item.Kind,
                    Payload = item.Payload,
                    Status = QueueStatus.Pending,
                    CreatedAt = now,
                    DueAt = now,
                });
                stored[i] = true;
            }
            LiteStore.AfterCommit(wakeUp.Set);
        });
        return stored;
    }

    /// <summary>
    /// Reads due items (their id and partition only) in due order and claims the oldest pending item
    /// of each partition that has none claimed. One claimer per queue runs in the process.
    /// </summary>
    public IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease)
    {
        var now = Now;
        foreach (var (id, until) in claims)
            if (until <= now)
                claims.TryRemove(id, out _);
        var claimed = new List<QueueItem>(max);
        var headOf = new Dictionary<string, long>();
        foreach (var due in items.Query()
            .Where(LiteQuery.Between(nameof(QueueItem.DueAt), Epoch, now))
            .Select(x => new { x.Id, x.Partition })
            .Limit(ScanLimit)
            .ToEnumerable())
        {
            // Later items of a partition wait for its oldest pending one, claimed or not.
            if (!headOf.TryGetValue(due.Partition, out var head))
                headOf[due.Partition] = head = HeadOf(due.Partition);
            if (head != due.Id || !claims.TryAdd(due.Id, now + lease))
                continue;
            // Read again: it may have been finished since the scan's snapshot.
            if (items.FindById(due.Id) is not { DueAt: { } dueAt } item || dueAt > now)
            {
                claims.TryRemove(due.Id, out _);
                continue;
            }
            item.ClaimedUntil = now + lease;
            claimed.Add(item);
            if (claimed.Count == max)
                break;
        }
        return claimed;
    }

    private long HeadOf(string partition) =>
        items.Query()
            .Where(LiteQuery.Eq(nameof(QueueItem.Partition), partition))
            .Select(x => new { x.Id, x.DueAt })
            .ToEnumerable()
            .Where(x => x.DueAt is not null)
            .Select(x => x.Id)
            .DefaultIfEmpty(-1)
            .Min();

    public void Complete(QueueItem item, string? result)
    {
        item.MarkDone(result, Now);
        Finished(item);
    }

    public void Retry(QueueItem item, string reason, int? code, TimeSpan delay)
    {
        item.MarkRetry(reason, code, Now + delay);
        store.Run(() => items.Update(item));
        LiteStore.AfterCommit(() => claims.TryRemove(item.Id, out _));
    }

    public void Fail(QueueItem item, string reason, int? code)
    {
        item.MarkFailed(reason, code, Now);
        Finished(item);
    }

    /// <summary>The next item of the partition may now be claimed: wake the claimer once this commits.</summary>
    private void Finished(QueueItem item)
    {
        store.Run(() => items.Update(item));
        LiteStore.AfterCommit(() =>
        {
            claims.TryRemove(item.Id, out _);
            wakeUp.Set();
        });
    }

    public bool Requeue(long id)
    {
        var requeued = false;
        store.Run(() =>
        {
            if (items.FindById(id) is not { Status: QueueStatus.Failed } item)
                return;
            item.Status = QueueStatus.Pending;
            item.Attempts = 0;
            item.DueAt = Now;
            item.ClaimedUntil = item.FinishedAt = null;
            items.Update(item);
            requeued = true;
            LiteStore.AfterCommit(wakeUp.Set);
        });
        return requeued;
    }

    public QueueItem? Find(long id) => items.FindById(id);

    public int CountPending() => items.Count(LiteQuery.NotNull(nameof(QueueItem.DueAt)));

    /// <summary>The oldest due item that nobody holds a live claim on.</summary>
    public DateTime? OldestDue()
    {
        var now = Now;
        return items.Query()
            .Where(LiteQuery.Between(nameof(QueueItem.DueAt), Epoch, now))
            .Select(x => new { x.Id, x.DueAt })
            .Limit(ScanLimit)
            .ToEnumerable()
            .FirstOrDefault(x => !(claims.TryGetValue(x.Id, out var until) && until > now))?.DueAt;
    }

    public IReadOnlyList<QueueItem> Failed(int max) =>
        items.Find(x => x.Status == QueueStatus.Failed, 0, max).ToList();

    public IReadOnlyList<QueueItem> All() => items.FindAll().ToList();

    [SuppressMessage("Naming", "CA1725:Parameter names should match base declaration", Justification = "Here items is the LiteDB collection field; the copied ones keep their own name.")]
    public int Import(IReadOnlyList<QueueItem> copied)
    {
        var stored = 0;
        store.Run(() =>
        {
            foreach (var item in copied)
            {
                if (uniqueKeys && item.Key is not null && items.Exists(x => x.Key == item.Key))
                    continue;
                items.Insert(item.ImportedCopy(Now));
                stored++;
            }
            LiteStore.AfterCommit(wakeUp.Set);
        });
        return stored;
    }

    public int DeleteDoneBefore(DateTime before, int batch)
    {
        // Oldest first by id: items finish roughly in the order they came, and every index kept on a
        // queue costs each of its commits a page, so there is none on the finishing time.
        var old = items.Query()
            .Where(x => x.Status == QueueStatus.Done)
            .Select(x => new { x.Id, x.FinishedAt })
            .Limit(batch * 4)
            .ToEnumerable()
            .Where(x => x.FinishedAt < before)
            .Take(batch)
            .Select(x => x.Id)
            .ToList();
        store.Run(() =>
        {
            foreach (var id in old)
                items.Delete(id);
        });
        return old.Count;
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => wakeUp.WaitAsync(timeout, ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
