using LiteDB;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// A LiteDB collection used as a claim-based work queue. <see cref="QueueItem.DueAt"/> is indexed
/// (null once finished), so a claim reads only due items, in due order; a claim moves an item's due
/// time to the end of its lease. Only one process opens a LiteDB file, so at start-up every lease
/// left by a stopped process is released at once.
/// </summary>
public sealed class LiteWorkQueue : IWorkQueue
{
    /// <summary>How many due items one claim reads at most while looking for partition heads.</summary>
    private const int ScanLimit = 512;

    private static readonly DateTime Epoch = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);

    private readonly LiteStore store;
    private readonly ILiteCollection<QueueItem> items;
    private readonly TimeProvider clock;
    private readonly bool uniqueKeys;
    private readonly WakeUp wakeUp = new();

    public LiteWorkQueue(LiteStore store, string name, TimeProvider clock, bool uniqueKeys)
    {
        this.store = store;
        items = store.Collection<QueueItem>(name);
        items.EnsureIndex(x => x.DueAt);
        items.EnsureIndex(x => x.Partition);
        items.EnsureIndex(x => x.FinishedAt);
        if (uniqueKeys)
            items.EnsureIndex(x => x.Key, unique: true);
        this.clock = clock;
        this.uniqueKeys = uniqueKeys;
        ReleaseLeases();
    }

    public IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> batch)
    {
        var now = Now;
        var stored = new bool[batch.Count];
        store.Run(() =>
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                if (uniqueKeys && item.Key is not null && items.Exists(x => x.Key == item.Key))
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

    public IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease)
    {
        var now = Now;
        var claimed = new List<QueueItem>();
        store.Run(() =>
        {
            var heads = new Dictionary<string, long>();
            foreach (var item in items.Find(Query.Between(nameof(QueueItem.DueAt), Epoch, now), 0, ScanLimit).ToList())
            {
                // Later items of a partition wait for its oldest pending one, claimed or not.
                if (!heads.TryGetValue(item.Partition, out var head))
                    heads[item.Partition] = head = HeadOf(item.Partition);
                if (item.Id != head)
                    continue;
                item.DueAt = item.ClaimedUntil = now + lease;
                items.Update(item);
                claimed.Add(item);
                if (claimed.Count == max)
                    break;
            }
        });
        return claimed;
    }

    private long HeadOf(string partition) =>
        items.Find(Query.EQ(nameof(QueueItem.Partition), partition))
            .Where(x => x.Status == QueueStatus.Pending)
            .Min(x => x.Id);

    public void Complete(QueueItem item, string? result)
    {
        item.Status = QueueStatus.Done;
        item.Payload = null;
        item.Result = result;
        item.Code = null;
        Finish(item);
    }

    public void Retry(QueueItem item, string reason, int? code, TimeSpan delay)
    {
        item.Attempts++;
        item.Result = reason;
        item.Code = code;
        item.ClaimedUntil = null;
        item.DueAt = Now + delay;
        items.Update(item);
    }

    public void Fail(QueueItem item, string reason, int? code)
    {
        item.Status = QueueStatus.Failed;
        item.Result = reason;
        item.Code = code;
        Finish(item);
    }

    /// <summary>The next item of the partition may now be claimed: wake the claimer once this commits.</summary>
    private void Finish(QueueItem item)
    {
        item.Attempts++;
        item.DueAt = item.ClaimedUntil = null;
        item.FinishedAt = Now;
        items.Update(item);
        LiteStore.AfterCommit(wakeUp.Set);
    }

    public QueueItem? Find(long id) => items.FindById(id);

    public int CountPending() => items.Count(Query.Not(nameof(QueueItem.DueAt), BsonValue.Null));

    public DateTime? OldestDue() =>
        items.Find(Query.Between(nameof(QueueItem.DueAt), Epoch, Now), 0, 1).FirstOrDefault()?.DueAt;

    public IReadOnlyList<QueueItem> Failed(int max) =>
        items.Find(x => x.Status == QueueStatus.Failed, 0, max).ToList();

    public IReadOnlyList<QueueItem> All() => items.FindAll().ToList();

    public int DeleteDoneBefore(DateTime before, int batch)
    {
        var old = items.Find(Query.Between(nameof(QueueItem.FinishedAt), Epoch, before), 0, batch * 2)
            .Where(x => x.Status == QueueStatus.Done)
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

    private void ReleaseLeases()
    {
        var now = Now;
        store.Run(() =>
        {
            foreach (var item in items.Find(Query.GT(nameof(QueueItem.DueAt), now)).Where(x => x.ClaimedUntil is not null).ToList())
            {
                item.DueAt = now;
                item.ClaimedUntil = null;
                items.Update(item);
            }
        });
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
