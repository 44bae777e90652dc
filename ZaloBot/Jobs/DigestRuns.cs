using LiteDB;
using ZaloBot.Storage;

namespace ZaloBot.Jobs;

/// <summary>The claim that a date's digest was sent; its id is the date, so a date is claimed once.</summary>
public sealed class DigestRun
{
    /// <summary>"2024-06-12", the Vietnam day of the digest.</summary>
    [BsonId]
    public string Date { get; set; } = "";

    public bool Final { get; set; }

    public DateTime SentAt { get; set; }

    public bool ToGroup { get; set; }

    public int Officials { get; set; }
}

public sealed class DigestRuns(Database db, TimeProvider clock)
{
    private readonly ILiteCollection<DigestRun> runs = db.Collection<DigestRun>("digest_runs");

    public bool Claimed(DateOnly date) => runs.FindById(KeyOf(date)) is not null;

    /// <summary>Claims the date; a second claim of the same date throws LiteDB's duplicate-key error.</summary>
    public void Claim(Digest digest, bool toGroup, int officials) => runs.Insert(new DigestRun
    {
        Date = KeyOf(digest.Date),
        Final = digest.IsFinal,
        SentAt = clock.GetUtcNow().UtcDateTime,
        ToGroup = toGroup,
        Officials = officials,
    });

    public IReadOnlyList<DigestRun> All() => runs.FindAll().ToList();

    private static string KeyOf(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
