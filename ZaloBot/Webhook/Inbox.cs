using System.Text;
using ZaloBot.Storage;

namespace ZaloBot.Webhook;

/// <summary>
/// The durable inbox of webhook events. An event is stored (protected) before Zalo gets its 200,
/// keyed by a hash of its dedupe key, so a repeated delivery is recognised and never handled twice.
/// </summary>
public sealed class Inbox(Database db, Secrets secrets, TimeProvider clock)
{
    public DurableQueue Queue { get; } = new(db, "inbox", clock, uniqueKeys: true);

    /// <summary>Stores the event; false when it was delivered before.</summary>
    public bool Accept(ZaloEvent e, byte[] rawBody)
    {
        var key = secrets.Hash("event", e.DedupeKey);
        var partition = e.UserId is { Length: > 0 } user ? secrets.Hash("partition", user) : "-";
        return Queue.Enqueue(key, partition, e.Name, secrets.Protect(Encoding.UTF8.GetString(rawBody)));
    }

    internal string ReadRaw(QueueItem item) => secrets.Unprotect(item.Payload!);
}
