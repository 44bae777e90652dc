using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Storage;

public enum StorageProvider
{
    /// <summary>One LiteDB data file, owned by one process.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database shared by several instances of the service.</summary>
    Postgres,
}

public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>The PostgreSQL database in Npgsql's form ("Host=…;Port=5432;Username=…;Password=…;Database=…"); Postgres only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The LiteDB data file; its folder is created if missing.</summary>
    public string Path { get; set; } = "data/survey.db";

    /// <summary>
    /// Where the Data Protection keys and the hashing key live. Kept apart from the data file so
    /// that the data file alone never reveals a citizen's Zalo id. Defaults to "keys" beside it.
    /// </summary>
    public string? KeysPath { get; set; }

    /// <summary>
    /// How long a handled webhook event is remembered to recognise a repeated delivery; older events
    /// are refused at the webhook, so a replayed one cannot slip past a pruned record.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00", ErrorMessage = "Storage:DedupeWindow must be between 1 hour and 365 days.")]
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many days sent messages (and the digest charts they carried) are kept; failed ones stay until handled.</summary>
    [Range(1, 3650, ErrorMessage = "Storage:KeepSentDays must be between 1 and 3650.")]
    public int KeepSentDays { get; set; } = 30;

    /// <summary>How often the janitor deletes what is past its window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Storage:CleanupEvery must be between 1 second and 1 day.")]
    public TimeSpan CleanupEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claim on a queue item holds it: longer than any handler may take. When an instance
    /// dies, the items it had claimed are handled by another one once their claim runs out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Storage:ClaimLease must be between 1 second and 1 day.")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    internal string FullPath => System.IO.Path.GetFullPath(Path);

    internal string FullKeysPath => KeysPath is { Length: > 0 }
        ? System.IO.Path.GetFullPath(KeysPath)
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FullPath)!, "keys");
}
