using Microsoft.Extensions.Options;
using ZaloBot.Operations;
using ZaloBot.Storage;
using ZaloBot.Volunteers;

namespace ZaloBot.Zalo;

/// <summary>
/// Sends what the outbox holds: in order per recipient, recipients in parallel. A transient failure
/// (Zalo down, rate limited, a timeout) is retried with capped backoff for <c>Zalo:RetryFor</c>, so a
/// long outage delays replies rather than losing them; what then still fails waits for an operator.
/// </summary>
public sealed class OutboxWorker(
    Outbox outbox, ZaloClient zalo, IBlobStore blobs, IUnitOfWork unit, IOptions<ZaloOptions> options, IOptions<StorageOptions> storage,
    ServiceMetrics metrics, TimeProvider clock, ILogger<OutboxWorker> logger)
    : QueueWorker("outbox", outbox.Queue, unit, storage, metrics, clock, logger)
{
    protected override bool ShouldRetry(int attempts) => TotalBackoff(attempts) < options.Value.RetryFor;

    protected override async Task<WorkOutcome> HandleAsync(QueueItem item, CancellationToken ct)
    {
        var message = outbox.Read(item);
        var result = message.Kind switch
        {
            OutboundKind.UserText => await zalo.SendTextAsync(message.Recipient, message.Text ?? "", ct),
            OutboundKind.UserList => await SendListAsync(message, ct),
            OutboundKind.GroupText => await zalo.SendGroupTextAsync(message.Recipient, message.Text ?? "", ct),
            OutboundKind.UserImage or OutboundKind.GroupImage => await SendImageAsync(message, ct),
            _ => new ZaloResult(ZaloOutcome.GaveUp, Reason: "unknown message kind"),
        };
        return result.Outcome switch
        {
            ZaloOutcome.Sent => WorkOutcome.Done(result.Id),
            ZaloOutcome.RetryLater => WorkOutcome.RetryLater(result.Reason ?? "retry", result.Code),
            _ => WorkOutcome.GaveUp(result.Reason ?? "refused", result.Code),
        };
    }

    /// <summary>When Zalo refuses the list template, the same text goes out plain: its numbered answers still work.</summary>
    private async Task<ZaloResult> SendListAsync(OutboundMessage message, CancellationToken ct)
    {
        var result = await zalo.SendListAsync(message.Recipient, message.Text ?? "", message.Buttons ?? [], ct);
        return result.Code is { } code && ZaloErrors.IsShapeRefused(code)
            ? await zalo.SendTextAsync(message.Recipient, message.Text ?? "", ct)
            : result;
    }

    private async Task<ZaloResult> SendImageAsync(OutboundMessage message, CancellationToken ct)
    {
        if (message.ImageFileId is not { } id || blobs.Get(id) is not { } image || PhotoFormat.Detect(image.Content) is not { } contentType)
            return new ZaloResult(ZaloOutcome.GaveUp, Reason: "the image is no longer stored");

        var upload = await zalo.UploadImageAsync(image.Content, image.FileName, contentType, ct);
        if (!upload.Succeeded)
            return upload;
        return message.Kind == OutboundKind.GroupImage
            ? await zalo.SendGroupImageAsync(message.Recipient, upload.Id!, message.Text, ct)
            : await zalo.SendImageAsync(message.Recipient, upload.Id!, message.Text, ct);
    }
}
