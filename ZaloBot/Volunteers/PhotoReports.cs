using LiteDB;

namespace ZaloBot.Volunteers;

/// <summary>A photo a volunteer sent: the image lives in LiteDB's file storage under <see cref="FileId"/>.</summary>
public sealed class PhotoReport
{
    [BsonId]
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

public sealed class PhotoReports(Storage.Database db)
{
    private readonly ILiteCollection<PhotoReport> photos = db.Collection<PhotoReport>("photos");

    public void Add(PhotoReport report, byte[] content)
    {
        report.FileId = "photos/" + report.Id;
        report.Size = content.Length;
        using (var stream = new MemoryStream(content))
            db.Lite.FileStorage.Upload(report.FileId, report.Id + PhotoFormat.ExtensionOf(report.ContentType), stream);
        photos.Insert(report);
    }

    public IReadOnlyList<PhotoReport> Of(string commune, DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return photos.Find(x => x.CommuneCode == commune && x.Date == day).ToList();
    }

    public IReadOnlyList<PhotoReport> All() => photos.FindAll().ToList();

    public PhotoReport? Find(string id) => photos.FindById(id);

    public byte[]? Content(PhotoReport report)
    {
        var file = db.Lite.FileStorage.FindById(report.FileId);
        if (file is null)
            return null;
        using var stream = new MemoryStream();
        file.CopyTo(stream);
        return stream.ToArray();
    }
}
