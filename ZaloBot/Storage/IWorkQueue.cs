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

    /// <summary>
    /// When a pending item may next be claimed: its creation, its next retry, or the end of the
    /// lease of whoever claimed it. Null once the item is done or failed.
    /// </summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Set while the item is claimed: the end of the claim's lease.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The last result: Zalo's message id when sent, or why it failed.</summary>
    public string? Result { get; set; }

    /// <summary>Zalo's error code of the last failure, when there was one.</summary>
    public int? Code { get; set; }

    /// <summary>A copy to change apart from this one.</summary>
    internal QueueItem Copy() => (QueueItem)MemberwiseClone();

    // How an attempt ends, the same in every store: each store then writes the item.

    internal void MarkDone(string? result, DateTime now)
    {
        Status = QueueStatus.Done;
        Payload = null;
        Result = result;
        Code = null;
        MarkFinished(now);
    }

    internal void MarkFailed(string reason, int? code, DateTime now)
    {
        Status = QueueStatus.Failed;
        Result = reason;
        Code = code;
        MarkFinished(now);
    }

    internal void MarkRetry(string reason, int? code, DateTime dueAt)
    {
        Attempts++;
        Result = reason;
        Code = code;
        ClaimedUntil = null;
        DueAt = dueAt;
    }

    /// <summary>
    /// This item as another store will hold it: a new id, unclaimed; a pending one due when it was, or
    /// at once if it was claimed (whoever held it is not working on the copy).
    /// </summary>
    internal QueueItem ImportedCopy(DateTime now) => new()
    {
        Key = Key,
        Partition = Partition,
        Kind = Kind,
        Payload = Payload,
        Status = Status,
        Attempts = Attempts,
        CreatedAt = CreatedAt,
        DueAt = Status != QueueStatus.Pending ? null : ClaimedUntil is null ? DueAt ?? now : now,
        FinishedAt = FinishedAt,
        Result = Result,
        Code = Code,
    };

    private void MarkFinished(DateTime now)
    {
        Attempts++;
        DueAt = ClaimedUntil = null;
        FinishedAt = now;
    }
}

/// <summary>An item to store: <paramref name="Key"/> dedupes (null: never a duplicate).</summary>
public sealed record NewQueueItem(string? Key, string Partition, string Kind, string Payload);

/// <summary>
/// A durable queue that hands out work by claims: due items are read through an index on their due
/// time, in bounded batches, and only the oldest pending item of a partition can be claimed, so one
/// user's items are handled in order while different users never wait for each other. A claim is a
/// lease: an item whose handler died becomes due again when the lease runs out.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Stores the items (in the current unit of work, if any); for each, false when its key was stored before.</summary>
    IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> items);

    /// <summary>Claims up to <paramref name="max"/> due items, each the oldest pending one of its partition.</summary>
    IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease);

    void Complete(QueueItem item, string? result);

    void Retry(QueueItem item, string reason, int? code, TimeSpan delay);

    /// <summary>Gives up on an item; the payload stays (protected) so an operator can replay it.</summary>
    void Fail(QueueItem item, string reason, int? code);

    /// <summary>
    /// Makes a failed item pending again, due now, its attempts counted afresh (the last failure stays
    /// as its result until the next try); false when no failed item has that id.
    /// </summary>
    bool Requeue(long id);

    QueueItem? Find(long id);

    /// <summary>Pending items, claimed or not.</summary>
    int CountPending();

    /// <summary>When the longest-waiting due item became due; null when nothing is due.</summary>
    DateTime? OldestDue();

    IReadOnlyList<QueueItem> Failed(int max);

    /// <summary>Every item, done ones included, oldest first: for tests and small queues only.</summary>
    IReadOnlyList<QueueItem> All();

    /// <summary>
    /// Stores items read from another store as they are (status, attempts, times, result), in order,
    /// under new ids; a claimed one is stored unclaimed and due at once. An item whose key is stored
    /// already is skipped. Returns how many were stored.
    /// </summary>
    int Import(IReadOnlyList<QueueItem> items);

    /// <summary>Deletes up to <paramref name="batch"/> done items finished before <paramref name="before"/>; failed items stay.</summary>
    int DeleteDoneBefore(DateTime before, int batch);

    /// <summary>Waits until an item may have become due (one was stored or finished) or the timeout passes.</summary>
    Task WaitAsync(TimeSpan timeout, CancellationToken ct);
}

public static class WorkQueueExtensions
{
    public static bool Enqueue(this IWorkQueue queue, NewQueueItem item) => queue.Enqueue([item])[0];
}

/// <summary>The service's two queues.</summary>
public interface IWorkQueues
{
    /// <summary>Webhook events, deduped by their key.</summary>
    IWorkQueue Inbox { get; }

    /// <summary>Messages to send to Zalo.</summary>
    IWorkQueue Outbox { get; }
}
