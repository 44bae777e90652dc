using System.Text;
using ZaloBot.Storage;

namespace ZaloBot.Webhook;

/// <summary>
/// The durable inbox of webhook events. An event is stored (protected) before Zalo gets its 200,
/// keyed by a hash of its dedupe key, so a repeated delivery is recognised and never handled twice.
/// </summary>
public sealed class Inbox(IWorkQueues queues, Secrets secrets)
{
    public IWorkQueue Queue => queues.Inbox;

    /// <summary>The event as the inbox stores it: dedupe key and partition hashed, body protected.</summary>
    public NewQueueItem ToItem(ZaloEvent e, byte[] rawBody) => new(
        secrets.Hash("event", e.DedupeKey),
        e.UserId is { Length: > 0 } user ? secrets.Hash("partition", user) : "-",
        e.Name,
        secrets.Protect(Encoding.UTF8.GetString(rawBody)));

    internal string ReadRaw(QueueItem item) => secrets.Unprotect(item.Payload!);
}
