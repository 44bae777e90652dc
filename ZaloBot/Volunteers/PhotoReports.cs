using ZaloBot.Storage;

namespace ZaloBot.Volunteers;

/// <summary>A photo a volunteer sent: the image lives in the blob store under <see cref="FileId"/>.</summary>
public sealed class PhotoReport
{
    /// <summary>Derived from the event and the image's position in it, so a retried event cannot store it twice.</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string CommuneCode { get; set; } = "";

    /// <summary>The Vietnam day it was sent (stored as midnight UTC of that date).</summary>
    public DateTime Date { get; set; }

    public string StaffKey { get; set; } = "";

    public string? Caption { get; set; }

    public string FileId { get; set; } = "";

    public string ContentType { get; set; } = "image/jpeg";

    public long Size { get; set; }

    public DateTime ReceivedAt { get; set; }
}

public interface IPhotoStore
{
    /// <summary>Stores the report; false when a report with its id is already stored.</summary>
    bool Add(PhotoReport report);

    PhotoReport? Find(string id);

    IReadOnlyList<PhotoReport> Of(string commune, DateOnly date);

    DailyCounts CountByCommuneAndDay(DateOnly from, DateOnly to, string? commune = null);

    IReadOnlyList<PhotoReport> All();
}

public sealed class PhotoReports(IPhotoStore photos, IBlobStore blobs)
{
    /// <summary>Stores the report and its image; false (and nothing stored) when it was stored before.</summary>
    public bool Add(PhotoReport report, byte[] content)
    {
        report.FileId = "photos/" + report.Id;
        report.Size = content.Length;
        if (photos.Find(report.Id) is not null)
            return false;
        blobs.Put(report.FileId, report.Id + PhotoFormat.ExtensionOf(report.ContentType), content);
        return photos.Add(report);
    }

    public IReadOnlyList<PhotoReport> Of(string commune, DateOnly date) => photos.Of(commune, date);

    public DailyCounts CountByCommuneAndDay(DateOnly from, DateOnly to, string? commune = null) => photos.CountByCommuneAndDay(from, to, commune);

    public IReadOnlyList<PhotoReport> All() => photos.All();

    public PhotoReport? Find(string id) => photos.Find(id);

    public byte[]? Content(PhotoReport report) => blobs.Get(report.FileId)?.Content;
}
