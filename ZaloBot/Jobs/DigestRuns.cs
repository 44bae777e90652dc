namespace ZaloBot.Jobs;

/// <summary>The claim that a date's digest was sent; its id is the date, so a date is claimed once.</summary>
public sealed class DigestRun
{
    /// <summary>"2024-06-12", the Vietnam day of the digest.</summary>
    public string Date { get; set; } = "";

    public bool Final { get; set; }

    public DateTime SentAt { get; set; }

    public bool ToGroup { get; set; }

    public int Officials { get; set; }
}

/// <summary>The digests sent, one per date.</summary>
public interface IJobRunStore
{
    bool Claimed(DateOnly date);

    /// <summary>Claims the run's date; false when it was claimed before.</summary>
    bool TryClaim(DigestRun run);

    IReadOnlyList<DigestRun> All();
}

public sealed class DigestRuns(IJobRunStore runs, TimeProvider clock)
{
    public bool Claimed(DateOnly date) => runs.Claimed(date);

    /// <summary>Claims the date; false when a digest of that date was claimed before.</summary>
    public bool TryClaim(Digest digest, bool toGroup, int officials) => runs.TryClaim(new DigestRun
    {
        Date = KeyOf(digest.Date),
        Final = digest.IsFinal,
        SentAt = clock.GetUtcNow().UtcDateTime,
        ToGroup = toGroup,
        Officials = officials,
    });

    /// <summary>
    /// Claims the 16:15 reminder of a date, in the same store as the digests (under its own key), so
    /// that several instances send it once; false when it was claimed before.
    /// </summary>
    public bool TryClaimReminder(DateOnly date) =>
        runs.TryClaim(new DigestRun { Date = ReminderPrefix + KeyOf(date), SentAt = clock.GetUtcNow().UtcDateTime });

    /// <summary>The digests sent (reminder claims left out).</summary>
    public IReadOnlyList<DigestRun> All() => runs.All().Where(r => !r.Date.StartsWith(ReminderPrefix, StringComparison.Ordinal)).ToList();

    private const string ReminderPrefix = "reminder:";

    public static string KeyOf(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
