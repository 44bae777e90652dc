using System.Text.Json;
using ZaloBot.Storage;

namespace ZaloBot.Webhook;

/// <summary>Handles stored events in the background: in order for one user, users in parallel.</summary>
public sealed class InboxWorker(Inbox inbox, EventDispatcher dispatcher, TimeProvider clock, ILogger<InboxWorker> logger)
    : QueueWorker(inbox.Queue, clock, logger)
{
    protected override async Task<WorkOutcome> HandleAsync(QueueItem item, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(inbox.ReadRaw(item));
        var e = ZaloEvent.Parse(doc);
        if (e is null)
            return WorkOutcome.GaveUp("the stored event has no event_name");
        await dispatcher.DispatchAsync(e, ct);
        return WorkOutcome.Done();
    }
}
