using LiteDB;

namespace ZaloBot.Storage;

public enum QueueStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>
/// One item of a durable queue (the webhook inbox or the message outbox). The payload is
/// protected; once the item is done only what dedupe and auditing need is kept.
/// </summary>
public sealed class QueueItem
{
    public long Id { get; set; }

    /// <summary>Dedupe key (a hash); unique in the inbox, null in the outbox.</summary>
    public string? Key { get; set; }

    /// <summary>Items of one partition (one Zalo user or group) are handled in order.</summary>
    public string Partition { get; set; } = "";

    /// <summary>What the item is (event name, message kind); never personal.</summary>
    public string Kind { get; set; } = "";

    public string? Payload { get; set; }

    public QueueStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The last result: Zalo's message id when sent, or why it failed.</summary>
    public string? Result { get; set; }

    /// <summary>Zalo's error code of the last failure, when there was one.</summary>
    public int? Code { get; set; }
}

/// <summary>A LiteDB collection used as a durable, partition-ordered work queue.</summary>
public sealed class DurableQueue
{
    private readonly ILiteCollection<QueueItem> items;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim signal = new(0);

    public DurableQueue(Database db, string name, TimeProvider clock, bool uniqueKeys)
    {
        items = db.Collection<QueueItem>(name);
        items.EnsureIndex(x => x.Status);
        if (uniqueKeys)
            items.EnsureIndex(x => x.Key, unique: true);
        this.clock = clock;
    }

    /// <summary>Stores an item; false when an item with the same key is already stored.</summary>
    public bool Enqueue(string? key, string partition, string kind, string protectedPayload)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            items.Insert(new QueueItem
            {
                Key = key,
                Partition = partition,
                Kind = kind,
                Payload = protectedPayload,
                Status = QueueStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
        signal.Release();
        return true;
    }

    public bool Contains(string key) => items.Exists(x => x.Key == key);

    public QueueItem? Find(long id) => items.FindById(id);

    public IReadOnlyList<QueueItem> Pending() =>
        items.Find(x => x.Status == QueueStatus.Pending).OrderBy(x => x.Id).ToList();

    public IReadOnlyList<QueueItem> All() => items.FindAll().ToList();

    public void Complete(QueueItem item, string? result)
    {
        item.Status = QueueStatus.Done;
        item.Payload = null;
        item.Result = result;
        item.Code = null;
        item.Attempts++;
        item.FinishedAt = clock.GetUtcNow().UtcDateTime;
        items.Update(item);
    }

    public void Retry(QueueItem item, string reason, int? code, TimeSpan delay)
    {
        item.Attempts++;
        item.Result = reason;
        item.Code = code;
        item.NextAttemptAt = clock.GetUtcNow().UtcDateTime + delay;
        items.Update(item);
    }

    /// <summary>Gives up on an item; the payload stays (protected) so an operator can replay it.</summary>
    public void Fail(QueueItem item, string reason, int? code)
    {
        item.Status = QueueStatus.Failed;
        item.Attempts++;
        item.Result = reason;
        item.Code = code;
        item.FinishedAt = clock.GetUtcNow().UtcDateTime;
        items.Update(item);
    }

    /// <summary>Waits until an item is enqueued or the timeout passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
