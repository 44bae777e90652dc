using Microsoft.Extensions.Options;
using Reporting;
using ZaloBot.Jobs;
using ZaloBot.Storage;
using ZaloBot.Survey;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Volunteers;

/// <summary>The images of one message, fetched before its event is handled: one download per attachment, in order.</summary>
public sealed record FetchedPhotos(IReadOnlyList<Download> Downloads)
{
    public static readonly FetchedPhotos None = new([]);
}

/// <summary>
/// A volunteer's photo report: each image of the message is fetched from its attachment URL (before
/// the event's transaction), checked (size, real image), stored with commune, day, sender and
/// caption under an id made from the event and the image's position, and acknowledged in chat, one
/// reply per image; when there is a working group (and <c>Digest:RelayPhotos</c> is left on) it is
/// also posted there with the commune's and the sender's name. Outside the survey's days nothing is stored.
/// </summary>
public sealed class PhotoIntake(
    ZaloClient zalo,
    PhotoReports photos,
    Secrets secrets,
    SurveyCatalog catalog,
    Outbox outbox,
    IOptions<PhotoOptions> limits,
    IOptions<DigestOptions> digest,
    TimeProvider clock,
    ILogger<PhotoIntake> logger)
{
    /// <summary>Downloads every image of the message; a failed one is kept as a failed download, answered alone.</summary>
    public async Task<FetchedPhotos> FetchAsync(ZaloEvent e, CancellationToken ct)
    {
        var downloads = new List<Download>();
        foreach (var attachment in e.Attachments)
            downloads.Add(attachment.Url is { } url ? await zalo.DownloadAsync(url, limits.Value.MaxBytes, ct) : new Download(null));
        return new FetchedPhotos(downloads);
    }

    public void Receive(StaffSender sender, ZaloEvent e, FetchedPhotos fetched)
    {
        if (sender.Member.CommuneCode is not { } commune)
        {
            outbox.SendText(sender.UserId, StaffTexts.OfficialsDoNotReport);
            return;
        }
        if (catalog.OutsideSurvey(VietnamTime.DateOf(clock.GetUtcNow())) is { } closed)
        {
            outbox.SendText(sender.UserId, closed);
            return;
        }
        for (var i = 0; i < fetched.Downloads.Count; i++)
            outbox.SendText(sender.UserId, Store(sender.Member, commune, IdOf(e, i), fetched.Downloads[i], e.Text));
    }

    private string IdOf(ZaloEvent e, int position) => secrets.Hash("photo", e.DedupeKey + "#" + position)[..32];

    /// <summary>Stores one image; returns the reply that says what became of it.</summary>
    private string Store(StaffMember member, string commune, string id, Download download, string? caption)
    {
        if (download.Content is not { } content || PhotoFormat.Detect(content) is not { } contentType)
            return Refusal(download);

        var now = clock.GetUtcNow();
        var date = VietnamTime.DateOf(now);
        var report = new PhotoReport
        {
            Id = id,
            CommuneCode = commune,
            Date = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            StaffKey = member.Key,
            Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            ContentType = contentType,
            ReceivedAt = now.UtcDateTime,
        };
        if (photos.Add(report, content))
        {
            logger.LogInformation("Photo report {Id} stored for {Commune}", report.Id, commune);
            Relay(report, member.Signature());
        }
        return StaffTexts.PhotoReceived(catalog.Describe(commune), date, photos.Of(commune, date).Count);
    }

    private string Refusal(Download download) =>
        download.TooLarge ? StaffTexts.PhotoTooLarge(limits.Value.MaxBytes)
        : download.Content is null ? StaffTexts.PhotoNotDownloaded
        : StaffTexts.NotAnImage;

    private void Relay(PhotoReport report, string? sender)
    {
        if (digest.Value is { RelayPhotos: true, GroupId: { Length: > 0 } group } && PhotoFormat.Uploadable(report.ContentType))
            outbox.Enqueue(new OutboundMessage(OutboundKind.GroupImage, group, StaffTexts.PhotoRelayCaption(catalog.Describe(report.CommuneCode), sender, report.Caption), report.FileId));
    }
}
