using System.Diagnostics.Metrics;
using ZaloBot.Storage;

namespace ZaloBot.Operations;

/// <summary>
/// The service's own instruments (<c>Meter("ZaloBot")</c>), served with ASP.NET Core's and the
/// runtime's at <c>/metrics</c>. Tags are kinds, reasons and codes: never a Zalo id or a text.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "ZaloBot";

    private readonly Counter<long> eventsReceived;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> refused;
    private readonly Counter<long> handled;
    private readonly Counter<long> failed;
    private readonly Counter<long> zaloCalls;
    private readonly Counter<long> tokenRefreshes;
    private readonly Counter<long> digestsSent;

    public ServiceMetrics(IMeterFactory meters, IWorkQueues queues, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        eventsReceived = meter.CreateCounter<long>("zalobot.webhook.events", description: "Webhook events accepted, by event kind");
        duplicates = meter.CreateCounter<long>("zalobot.webhook.duplicates", description: "Webhook events Zalo delivered again, by event kind");
        refused = meter.CreateCounter<long>("zalobot.webhook.refused", description: "Webhook requests refused, by reason");
        handled = meter.CreateCounter<long>("zalobot.queue.handled", description: "Queue items handled, by queue and kind");
        failed = meter.CreateCounter<long>("zalobot.queue.failed", description: "Queue items given up on, by queue and kind");
        zaloCalls = meter.CreateCounter<long>("zalobot.zalo.calls", description: "Zalo API calls, by outcome and Zalo error code");
        tokenRefreshes = meter.CreateCounter<long>("zalobot.zalo.token_refreshes", description: "Access token refreshes, by outcome");
        digestsSent = meter.CreateCounter<long>("zalobot.digests", description: "Daily digests queued for sending");
        meter.CreateObservableGauge("zalobot.queue.depth", () => new[]
        {
            new Measurement<long>(queues.Inbox.CountPending(), new KeyValuePair<string, object?>("queue", "inbox")),
            new Measurement<long>(queues.Outbox.CountPending(), new KeyValuePair<string, object?>("queue", "outbox")),
        }, description: "Pending items, claimed or not");
        meter.CreateObservableGauge("zalobot.queue.oldest_due_age", () => new[]
        {
            new Measurement<double>(AgeOf(queues.Inbox, clock), new KeyValuePair<string, object?>("queue", "inbox")),
            new Measurement<double>(AgeOf(queues.Outbox, clock), new KeyValuePair<string, object?>("queue", "outbox")),
        }, unit: "s", description: "How long the oldest due item has waited; 0 when nothing is due");
    }

    public void EventReceived(string kind, bool duplicate) =>
        (duplicate ? duplicates : eventsReceived).Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Refused(string reason) => refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Handled(string queue, string kind, bool gaveUp) =>
        (gaveUp ? failed : handled).Add(1, new("queue", queue), new("kind", kind));

    public void ZaloCall(string outcome, int? code) => zaloCalls.Add(1, new("outcome", outcome), new("code", code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));

    public void TokenRefresh(bool succeeded) => tokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "refreshed" : "failed"));

    public void DigestSent(bool final) => digestsSent.Add(1, new KeyValuePair<string, object?>("final", final));

    private static double AgeOf(IWorkQueue queue, TimeProvider clock) =>
        queue.OldestDue() is { } due ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - due).TotalSeconds) : 0;
}
