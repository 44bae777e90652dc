using Microsoft.Extensions.Options;
using Reporting;
using ZaloBot.Storage;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

using ZaloBot.Operations;

namespace ZaloBot.Jobs;

/// <summary>
/// Sends the digest: text, then chart, to the working group (<c>Digest:GroupId</c>) and 1:1 to every
/// registered official. A date is claimed in the same transaction that queues
/// its messages, so each date's digest goes out exactly once and is never lost between the two; the
/// outbox retries a failed send and keeps what still fails, with Zalo's code.
/// </summary>
public sealed class DigestDelivery(
    DigestReport report,
    DigestRuns runs,
    IStaffStore staff,
    Outbox outbox,
    IBlobStore blobs,
    IUnitOfWork unit,
    IOptions<DigestOptions> options,
    TimeProvider clock,
    ServiceMetrics metrics,
    ILogger<DigestDelivery> logger)
{
    private sealed record Recipient(OutboundKind Text, OutboundKind Image, string Id);

    /// <summary>Sends today's digest if the day needs one, its time has come and it was not sent yet; true when sent now.</summary>
    public bool SendIfDue()
    {
        var now = VietnamTime.ToLocal(clock.GetUtcNow()).DateTime;
        var today = DateOnly.FromDateTime(now);
        if (TimeOnly.FromDateTime(now) < options.Value.DigestAt || !report.IsDue(today) || runs.Claimed(today))
            return false;
        return Deliver(report.Compose(today));
    }

    /// <summary>BAOCAO: the digest as of now, to one official; it claims nothing.</summary>
    public void SendTo(string userId)
    {
        var digest = report.Compose(VietnamTime.DateOf(clock.GetUtcNow()));
        unit.Run(() => Enqueue(digest, [new Recipient(OutboundKind.UserText, OutboundKind.UserImage, userId)]));
    }

    private bool Deliver(Digest digest)
    {
        var recipients = Recipients();
        var claimed = unit.Run(() =>
        {
            if (!runs.TryClaim(digest, recipients.Any(r => r.Text == OutboundKind.GroupText), recipients.Count(r => r.Text == OutboundKind.UserText)))
                return false; // sent meanwhile by another run
            Enqueue(digest, recipients);
            return true;
        });
        if (!claimed)
            return false;
        if (recipients.Count == 0)
            logger.LogWarning("The digest of {Date} had no recipients: set Digest:GroupId or register a district official", digest.Date);
        metrics.DigestSent(digest.IsFinal);
        logger.LogInformation("Digest of {Date} queued for {Count} recipient(s)", digest.Date, recipients.Count);
        return true;
    }

    private List<Recipient> Recipients()
    {
        var officials = staff.Officials().Where(o => !o.Disabled).Select(o => new Recipient(OutboundKind.UserText, OutboundKind.UserImage, staff.UserIdOf(o)));
        return options.Value.GroupId is { Length: > 0 } group
            ? [new Recipient(OutboundKind.GroupText, OutboundKind.GroupImage, group), .. officials]
            : [.. officials];
    }

    private void Enqueue(Digest digest, IReadOnlyList<Recipient> recipients)
    {
        var chart = "charts/" + Guid.NewGuid().ToString("N");
        blobs.Put(chart, $"tien-do-{digest.Date:yyyy-MM-dd}.png", digest.Chart);
        foreach (var recipient in recipients)
        {
            foreach (var text in digest.Messages)
                outbox.Enqueue(new OutboundMessage(recipient.Text, recipient.Id, text));
            outbox.Enqueue(new OutboundMessage(recipient.Image, recipient.Id, StaffTexts.ChartCaption(digest.Date, digest.IsFinal), chart));
        }
    }
}
