using Microsoft.Extensions.Options;
using Reporting;
using ZaloBot.Jobs;
using ZaloBot.Survey;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Volunteers;

/// <summary>
/// A volunteer's photo report: each image of the message is fetched from its attachment URL, checked
/// (size, real image), stored with commune, day, sender and caption, and acknowledged in chat; with
/// <c>Digest:RelayPhotos</c> it is also posted to the working group.
/// </summary>
public sealed class PhotoIntake(
    ZaloClient zalo,
    PhotoReports photos,
    SurveyCatalog catalog,
    Outbox outbox,
    IOptions<PhotoOptions> limits,
    IOptions<DigestOptions> digest,
    TimeProvider clock,
    ILogger<PhotoIntake> logger)
{
    public async Task ReceiveAsync(StaffSender sender, ZaloEvent e, CancellationToken ct)
    {
        if (sender.Member.CommuneCode is not { } commune)
        {
            outbox.SendText(sender.UserId, StaffTexts.OfficialsDoNotReport);
            return;
        }
        foreach (var url in e.Attachments.Select(a => a.Url).OfType<string>())
            outbox.SendText(sender.UserId, await StoreAsync(sender.Member, commune, url, e.Text, ct));
    }

    /// <summary>Stores one image; returns the reply that says what became of it.</summary>
    private async Task<string> StoreAsync(StaffMember member, string commune, string url, string? caption, CancellationToken ct)
    {
        var download = await zalo.DownloadAsync(url, limits.Value.MaxBytes, ct);
        if (download.Content is not { } content || PhotoFormat.Detect(content) is not { } contentType)
            return Refusal(download);

        var now = clock.GetUtcNow();
        var date = VietnamTime.DateOf(now);
        var report = new PhotoReport
        {
            CommuneCode = commune,
            Date = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            StaffKey = member.Key,
            Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            ContentType = contentType,
            ReceivedAt = now.UtcDateTime,
        };
        photos.Add(report, content);
        logger.LogInformation("Photo report {Id} stored for {Commune}", report.Id, commune);
        Relay(report);
        return StaffTexts.PhotoReceived(catalog.Describe(commune), date, photos.Of(commune, date).Count);
    }

    private string Refusal(Download download) =>
        download.TooLarge ? StaffTexts.PhotoTooLarge(limits.Value.MaxBytes)
        : download.Content is null ? StaffTexts.PhotoNotDownloaded
        : StaffTexts.NotAnImage;

    private void Relay(PhotoReport report)
    {
        if (digest.Value is { RelayPhotos: true, GroupId: { Length: > 0 } group } && PhotoFormat.Uploadable(report.ContentType))
            outbox.Enqueue(new OutboundMessage(OutboundKind.GroupImage, group, StaffTexts.PhotoRelayCaption(catalog.Describe(report.CommuneCode), report.Caption), report.FileId));
    }
}
