using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LiteDB;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// A LiteDB collection used as a claim-based work queue. Only the process that owns the file works
/// its queues, so what a claim needs is kept in memory: the pending items' ids, partitions and due
/// times (<see cref="PendingItems"/>, read once at start through the index on
/// <see cref="QueueItem.DueAt"/>, which is null once an item is finished), and the claims
/// themselves: nothing to release after a crash, no commit per claim. A claim still has a lease:
/// one never finished (its handler died) is dropped when the lease runs out, and the item is
/// claimed again.
/// </summary>
public sealed class LiteWorkQueue : IWorkQueue
{
    private readonly LiteStore store;
    private readonly ILiteCollection<QueueItem> items;
    private readonly TimeProvider clock;
    private readonly bool uniqueKeys;
    private readonly WakeUp wakeUp = new();
    private readonly ConcurrentDictionary<long, DateTime> claims = new();
    private readonly PendingItems pending = new();

    public LiteWorkQueue(LiteStore store, string name, TimeProvider clock, bool uniqueKeys)
    {
        this.store = store;
        items = store.Collection<QueueItem>(name);
        store.Run(() =>
        {
            items.EnsureIndex(x => x.DueAt);
            // Claims find each partition's head in memory: an index on the partition would only
            // cost every enqueue and completion a write (data files of earlier versions have one).
            items.DropIndex(nameof(QueueItem.Partition));
            if (uniqueKeys)
                items.EnsureIndex(x => x.Key, unique: true);
        });
        foreach (var item in items.Query()
            .Where(LiteQuery.NotNull(nameof(QueueItem.DueAt)))
            .Select(x => new { x.Id, x.Partition, x.DueAt })
            .ToEnumerable())
            pending.Set(item.Id, item.Partition, item.DueAt!.Value);
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
            var seen = KnownKeys(batch.Select(i => i.Key));
            var added = new List<QueueItem>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                if (uniqueKeys && item.Key is not null && !seen.Add(item.Key))
                    continue;
                added.Add(new QueueItem
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
            Add(added);
        });
        return stored;
    }

    /// <summary>
    /// Which of <paramref name="keys"/> are stored already (none when the queue does not dedupe),
    /// in one index lookup: a query's own cost is far above one key's.
    /// </summary>
    private HashSet<string> KnownKeys(IEnumerable<string?> keys)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var wanted = uniqueKeys ? new BsonArray(keys.OfType<string>().Select(k => new BsonValue(k))) : [];
        if (wanted.Count > 0)
            known.UnionWith(items.Find(LiteQuery.In(nameof(QueueItem.Key), wanted)).Select(i => i.Key!));
        return known;
    }

    /// <summary>Inserts the items; once committed, the pending ones join the mirror and the claimer is woken.</summary>
    private void Add(List<QueueItem> added)
    {
        items.Insert(added);
        LiteStore.AfterCommit(() =>
        {
            foreach (var item in added)
                if (item.DueAt is { } dueAt)
                    pending.Set(item.Id, item.Partition, dueAt);
            wakeUp.Set();
        });
    }

    /// <summary>Claims the oldest pending item of each partition that has none claimed, in due order.</summary>
    public IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease)
    {
        var now = Now;
        foreach (var (id, until) in claims)
            if (until <= now)
                claims.TryRemove(id, out _);
        var claimed = new List<QueueItem>(max);
        foreach (var id in pending.TakeDueHeads(now, max, id => claims.TryAdd(id, now + lease)))
        {
            // Read it whole, checked against the file rather than trusted from memory.
            if (items.FindById(id) is not { DueAt: { } dueAt } item || dueAt > now)
            {
                claims.TryRemove(id, out _);
                continue;
            }
            item.ClaimedUntil = now + lease;
            claimed.Add(item);
        }
        return claimed;
    }

    public void Complete(QueueItem item, string? result)
    {
        item.MarkDone(result, Now);
        Finished(item);
    }

    public void Retry(QueueItem item, string reason, int? code, TimeSpan delay)
    {
        item.MarkRetry(reason, code, Now + delay);
        store.Run(() =>
        {
            items.Update(item);
            LiteStore.AfterCommit(() =>
            {
                pending.Set(item.Id, item.Partition, item.DueAt!.Value);
                claims.TryRemove(item.Id, out _);
            });
        });
    }

    public void Fail(QueueItem item, string reason, int? code)
    {
        item.MarkFailed(reason, code, Now);
        Finished(item);
    }

    /// <summary>The next item of the partition may now be claimed: wake the claimer once this commits.</summary>
    private void Finished(QueueItem item)
    {
        store.Run(() =>
        {
            items.Update(item);
            LiteStore.AfterCommit(() =>
            {
                pending.Remove(item.Id);
                claims.TryRemove(item.Id, out _);
                wakeUp.Set();
            });
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
            LiteStore.AfterCommit(() =>
            {
                pending.Set(item.Id, item.Partition, item.DueAt.Value);
                wakeUp.Set();
            });
        });
        return requeued;
    }

    public QueueItem? Find(long id) => items.FindById(id);

    public int CountPending() => pending.Count;

    /// <summary>The oldest due item that nobody holds a live claim on.</summary>
    public DateTime? OldestDue()
    {
        var now = Now;
        return pending.OldestDue(now, id => !(claims.TryGetValue(id, out var until) && until > now));
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
            var seen = KnownKeys(copied.Select(i => i.Key));
            var added = new List<QueueItem>(copied.Count);
            foreach (var item in copied)
            {
                if (uniqueKeys && item.Key is not null && !seen.Add(item.Key))
                    continue;
                added.Add(item.ImportedCopy(Now));
            }
            Add(added);
            stored = added.Count;
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
