namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// The pending items of one LiteDB queue, kept in memory beside the data file: their id, partition
/// and due time. Only the process that owns the file works its queues, and every change reaches
/// this mirror once its transaction has committed, so a claim finds the due partition heads here
/// instead of reading the queue through LiteDB at every turn. Thread-safe.
/// </summary>
internal sealed class PendingItems
{
    private readonly Lock gate = new();
    private readonly SortedSet<(DateTime DueAt, long Id)> byDue = [];
    private readonly Dictionary<long, (string Partition, DateTime DueAt)> items = [];
    private readonly Dictionary<string, SortedSet<long>> byPartition = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
                return items.Count;
        }
    }

    /// <summary>Adds the item, or moves it to its new due time.</summary>
    public void Set(long id, string partition, DateTime dueAt)
    {
        lock (gate)
        {
            RemoveLocked(id);
            items[id] = (partition, dueAt);
            byDue.Add((dueAt, id));
            if (!byPartition.TryGetValue(partition, out var ids))
                byPartition[partition] = ids = [];
            ids.Add(id);
        }
    }

    public void Remove(long id)
    {
        lock (gate)
            RemoveLocked(id);
    }

    private void RemoveLocked(long id)
    {
        if (!items.Remove(id, out var item))
            return;
        byDue.Remove((item.DueAt, id));
        var ids = byPartition[item.Partition];
        ids.Remove(id);
        if (ids.Count == 0)
            byPartition.Remove(item.Partition);
    }

    /// <summary>
    /// Due items, oldest due first, that are their partition's oldest pending item and that
    /// <paramref name="take"/> accepts (it claims them), at most <paramref name="max"/>.
    /// </summary>
    public List<long> TakeDueHeads(DateTime now, int max, Func<long, bool> take)
    {
        var taken = new List<long>(max);
        lock (gate)
        {
            foreach (var (dueAt, id) in byDue)
            {
                if (dueAt > now || taken.Count == max)
                    break;
                if (byPartition[items[id].Partition].Min == id && take(id))
                    taken.Add(id);
            }
        }
        return taken;
    }

    /// <summary>The earliest due time among items <paramref name="free"/> accepts and due by <paramref name="now"/>.</summary>
    public DateTime? OldestDue(DateTime now, Func<long, bool> free)
    {
        lock (gate)
        {
            foreach (var (dueAt, id) in byDue)
            {
                if (dueAt > now)
                    break;
                if (free(id))
                    return dueAt;
            }
        }
        return null;
    }
}
