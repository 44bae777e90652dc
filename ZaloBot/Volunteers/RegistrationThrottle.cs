using ZaloBot.Storage;

namespace ZaloBot.Volunteers;

/// <summary>One user's recent wrong invite codes, keyed by a hash of their Zalo id.</summary>
public sealed class RegistrationAttempts
{
    public string Key { get; set; } = "";

    public List<DateTime> Failures { get; set; } = [];

    public int Lockouts { get; set; }

    public DateTime? LockedUntil { get; set; }
}

/// <summary>Wrong-code records of users trying to register.</summary>
public interface IThrottleStore
{
    RegistrationAttempts? Find(string key);

    void Save(RegistrationAttempts attempts);

    void Delete(string key);

    /// <summary>Deletes up to <paramref name="batch"/> records with no lockout and no failure since <paramref name="before"/>.</summary>
    int DeleteQuietSince(DateTime before, int batch);
}

/// <summary>
/// Slows down guessing: after <see cref="MaxFailures"/> wrong codes within <see cref="Window"/>, a
/// user's tries are refused for a wait that doubles with each lockout (15 minutes, 30, 1 hour, …, at
/// most a day). Kept in the database, so a restart does not reset it.
/// </summary>
public sealed class RegistrationThrottle(IThrottleStore attempts, Secrets secrets)
{
    public const int MaxFailures = 3;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>Until when the user's tries are refused, or null when they may try now.</summary>
    public DateTime? LockedUntil(string userId, DateTime now) =>
        attempts.Find(KeyOf(userId))?.LockedUntil is { } until && until > now ? until : null;

    /// <summary>Counts a wrong code; returns the end of the lockout when this one started it.</summary>
    public DateTime? Fail(string userId, DateTime now)
    {
        var record = attempts.Find(KeyOf(userId)) ?? new RegistrationAttempts { Key = KeyOf(userId) };
        record.Failures = [.. record.Failures.Where(at => now - at < Window), now];
        if (record.Failures.Count >= MaxFailures)
        {
            record.Lockouts++;
            record.LockedUntil = now + Wait(record.Lockouts);
            record.Failures.Clear();
        }
        attempts.Save(record);
        return record.LockedUntil > now ? record.LockedUntil : null;
    }

    public void Succeed(string userId) => attempts.Delete(KeyOf(userId));

    private static TimeSpan Wait(int lockouts) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(lockouts - 1, 8)));

    private string KeyOf(string userId) => secrets.Hash("registration", userId);
}
