using System.Text.Json;
using Microsoft.Extensions.Options;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Webhook;

/// <summary>
/// Handles stored events in the background: in order for one user, users side by side. Slow I/O
/// (fetching a volunteer's photo) happens first; what the event then changes commits together with
/// the event's completion.
/// </summary>
public sealed class InboxWorker(
    Inbox inbox, EventDispatcher dispatcher, IUnitOfWork unit, IOptions<StorageOptions> storage, ServiceMetrics metrics, TimeProvider clock, ILogger<InboxWorker> logger)
    : QueueWorker("inbox", inbox.Queue, unit, storage, metrics, clock, logger)
{
    protected override async Task<WorkOutcome> HandleAsync(QueueItem item, CancellationToken ct)
    {
        ZaloEvent? e;
        using (var doc = JsonDocument.Parse(inbox.ReadRaw(item)))
            e = ZaloEvent.Parse(doc);
        if (e is null)
            return WorkOutcome.GaveUp("the stored event has no event_name");
        var fetched = await dispatcher.FetchAsync(e, ct);
        return WorkOutcome.Done(changes: () => dispatcher.Dispatch(e, fetched));
    }
}
