using Npgsql;
using static ZaloBot.Storage.Postgres.PgStore;

namespace ZaloBot.Storage.Postgres;

/// <summary>
/// A table used as a claim-based work queue shared by every instance. A pending item's due time is
/// indexed (null once finished), and a partition's head is its pending item with the lowest id; a
/// claim moves an item's due time to the end of its lease. Unlike the LiteDB queue, a starting
/// instance cannot tell whether another one still works an item, so leases left by a stopped
/// instance simply run out.
/// </summary>
public sealed class PgWorkQueue : IWorkQueue
{
    /// <summary>How many due items one claim reads at most while looking for partition heads.</summary>
    private const int ScanLimit = 512;

    /// <summary>How often an idle claimer looks again when no local commit wakes it (items stored or finished by other instances).</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    private const string Columns = "id, key, partition, kind, payload, status, attempts, created_at, due_at, claimed_until, finished_at, result, code";

    private readonly PgStore store;
    private readonly string table;
    private readonly TimeProvider clock;
    private readonly bool uniqueKeys;
    private readonly WakeUp wakeUp = new();

    public PgWorkQueue(PgStore store, string table, TimeProvider clock, bool uniqueKeys)
    {
        this.store = store;
        this.table = table;
        this.clock = clock;
        this.uniqueKeys = uniqueKeys;
    }

    /// <summary>
    /// One INSERT for the whole batch, its rows numbered in the batch's order (so ids, and with them
    /// each partition's order, follow it). With unique keys an item whose key is already stored, or
    /// came earlier in the batch, is not stored, and the INSERT says which were; without, every item
    /// is stored and the INSERT is a write that goes with the transaction's next statement.
    /// </summary>
    public IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> items)
    {
        var stored = new bool[items.Count];
        if (items.Count == 0)
            return stored;
        NpgsqlParameter[] args =
        [
            Texts("keys", items.Select(i => i.Key)), Texts("partitions", items.Select(i => i.Partition)),
            Texts("kinds", items.Select(i => i.Kind)), Texts("payloads", items.Select(i => i.Payload)), Arg("now", Now),
        ];
        const string Insert =
            """
            SELECT key, partition, kind, payload, 0, 0, @now, @now
            FROM unnest(@keys, @partitions, @kinds, @payloads) WITH ORDINALITY AS t(key, partition, kind, payload, n)
            ORDER BY n
            """;
        if (uniqueKeys)
        {
            var storedKeys = store.Query(
                $"INSERT INTO {table} (key, partition, kind, payload, status, attempts, created_at, due_at) {Insert} ON CONFLICT (key) DO NOTHING RETURNING key",
                r => NullableText(r, 0), args)
                .OfType<string>().ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
                stored[i] = items[i].Key is not { } key || storedKeys.Remove(key); // the first of a repeated key only
        }
        else
        {
            store.Write($"INSERT INTO {table} (key, partition, kind, payload, status, attempts, created_at, due_at) {Insert}", args);
            Array.Fill(stored, true);
        }
        store.AfterCommit(wakeUp.Set);
        return stored;
    }

    /// <summary>
    /// Claims in one transaction of two round trips. Row locks alone cannot keep a partition to one
    /// claimed item across instances: two claimers with snapshots taken at the same moment may each
    /// see a different item as the partition's head (an item whose insert commits late has a lower
    /// id than one already claimed) and lock different rows. So a claimer first takes a transaction
    /// advisory lock per candidate partition, skipping those another claimer holds
    /// (<c>pg_try_advisory_xact_lock</c> never waits, so claimers never deadlock), and only then,
    /// in a later statement whose snapshot sees every claim committed before it got the locks,
    /// claims the heads of the partitions it holds that have no live claim; that statement goes
    /// with the COMMIT. The locks go with the commit, by which time the claims are visible to the
    /// next holder. Completing, retrying and storing need no lock: they never add a claim.
    /// </summary>
    /// <remarks>
    /// A partition has one head (its pending item with the lowest id), so the due items are read in
    /// due order and the scan stops at the wanted number of heads: with many users waiting it reads
    /// a few dozen rows, not <see cref="ScanLimit"/>. The candidates are locked in the statement
    /// that finds them (the lock is taken on the rows the inner query returns, after its limit).
    /// </remarks>
    public IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease)
    {
        if (max <= 0)
            return [];
        var now = Now;
        var until = now + lease;
        return store.Run<IReadOnlyList<QueueItem>>(() =>
        {
            var held = store.Query(
                $"""
                WITH heads AS MATERIALIZED (
                    SELECT q.partition FROM (
                        SELECT partition, id, due_at FROM {table} WHERE due_at <= @now ORDER BY due_at LIMIT {ScanLimit}) q
                    WHERE NOT EXISTS (SELECT 1 FROM {table} p WHERE p.partition = q.partition AND p.status = 0 AND p.id < q.id)
                    ORDER BY q.due_at LIMIT @wanted)
                SELECT partition FROM heads WHERE pg_try_advisory_xact_lock(hashtext(partition))
                """,
                r => r.GetString(0), Arg("now", now), Arg("wanted", max * 2));
            if (held.Count == 0)
                return [];
            return store.QueryAndCommit(
                $"""
                UPDATE {table} SET due_at = @until, claimed_until = @until
                WHERE id IN (
                    SELECT q.id FROM {table} q
                    WHERE q.partition = ANY(@held) AND q.status = 0 AND q.due_at <= @now
                      AND NOT EXISTS (
                          SELECT 1 FROM {table} p
                          WHERE p.partition = q.partition AND p.status = 0 AND p.id <> q.id
                            AND (p.id < q.id OR p.claimed_until > @now))
                    ORDER BY q.due_at LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                RETURNING {Columns}
                """,
                Read, Arg("until", until), Arg("held", held.ToArray()), Arg("now", now), Arg("max", max))
                .OrderBy(x => x.DueAt).ThenBy(x => x.Id).ToList();
        });
    }

    public void Complete(QueueItem item, string? result)
    {
        item.MarkDone(result, Now);
        Finished(item);
    }

    public void Retry(QueueItem item, string reason, int? code, TimeSpan delay)
    {
        item.MarkRetry(reason, code, Now + delay);
        Update(item);
    }

    public void Fail(QueueItem item, string reason, int? code)
    {
        item.MarkFailed(reason, code, Now);
        Finished(item);
    }

    /// <summary>The next item of the partition may now be claimed: wake the claimer once this commits.</summary>
    private void Finished(QueueItem item)
    {
        Update(item);
        store.AfterCommit(wakeUp.Set);
    }

    private void Update(QueueItem item) => store.Write(
        $"""
        UPDATE {table} SET payload = @payload, status = @status, attempts = @attempts, due_at = @due, claimed_until = @claimed,
            finished_at = @finished, result = @result, code = @code
        WHERE id = @id
        """,
        Text("payload", item.Payload), Arg("status", (short)item.Status), Arg("attempts", item.Attempts), Arg("due", item.DueAt),
        Arg("claimed", item.ClaimedUntil), Arg("finished", item.FinishedAt), Text("result", item.Result),
        Arg("code", item.Code), Arg("id", item.Id));

    public bool Requeue(long id)
    {
        var requeued = store.Execute(
            $"UPDATE {table} SET status = 0, attempts = 0, due_at = @now, claimed_until = NULL, finished_at = NULL WHERE id = @id AND status = 2",
            Arg("now", Now), Arg("id", id)) == 1;
        store.AfterCommit(wakeUp.Set);
        return requeued;
    }

    public QueueItem? Find(long id) => store.One($"SELECT {Columns} FROM {table} WHERE id = @id", Read, Arg("id", id));

    public int CountPending() => (int)store.Scalar<long>($"SELECT count(*) FROM {table} WHERE due_at IS NOT NULL");

    public DateTime? OldestDue() => store.Scalar<DateTime?>($"SELECT min(due_at) FROM {table} WHERE due_at <= @now", Arg("now", Now));

    public IReadOnlyList<QueueItem> Failed(int max) =>
        store.Query($"SELECT {Columns} FROM {table} WHERE status = 2 ORDER BY id LIMIT @max", Read, Arg("max", max));

    public IReadOnlyList<QueueItem> All() => store.Query($"SELECT {Columns} FROM {table} ORDER BY id", Read);

    public int Import(IReadOnlyList<QueueItem> items)
    {
        var conflict = uniqueKeys ? " ON CONFLICT (key) DO NOTHING" : "";
        var stored = UnitOfWorkExtensions.Run(store, () => items.Sum(original =>
        {
            var item = original.ImportedCopy(Now);
            return store.Execute(
                $"""
                INSERT INTO {table} (key, partition, kind, payload, status, attempts, created_at, due_at, finished_at, result, code)
                VALUES (@key, @partition, @kind, @payload, @status, @attempts, @created, @due, @finished, @result, @code){conflict}
                """,
                Text("key", item.Key), Text("partition", item.Partition), Text("kind", item.Kind), Text("payload", item.Payload),
                Arg("status", (short)item.Status), Arg("attempts", item.Attempts), Arg("created", item.CreatedAt), Arg("due", item.DueAt),
                Arg("finished", item.FinishedAt), Text("result", item.Result), Arg("code", item.Code));
        }));
        store.AfterCommit(wakeUp.Set);
        return stored;
    }

    public int DeleteDoneBefore(DateTime before, int batch) => store.Execute(
        $"""
        DELETE FROM {table} WHERE id IN (
            SELECT id FROM {table} WHERE status = 1 AND finished_at < @before ORDER BY finished_at LIMIT @batch)
        """,
        Arg("before", before), Arg("batch", batch));

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) =>
        await wakeUp.WaitAsync(timeout < PollEvery ? timeout : PollEvery, ct);

    private static QueueItem Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Key = NullableText(r, 1),
        Partition = r.GetString(2),
        Kind = r.GetString(3),
        Payload = NullableText(r, 4),
        Status = (QueueStatus)r.GetInt16(5),
        Attempts = r.GetInt32(6),
        CreatedAt = r.GetFieldValue<DateTime>(7),
        DueAt = NullableTime(r, 8),
        ClaimedUntil = NullableTime(r, 9),
        FinishedAt = NullableTime(r, 10),
        Result = NullableText(r, 11),
        Code = r.IsDBNull(12) ? null : r.GetInt32(12),
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
