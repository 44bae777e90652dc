using System.Net;

namespace ZaloBot.Dashboard;

/// <summary>
/// How often sign-in may be tried, counted per login and per client address across codes (a new
/// code does not reset the count): after <see cref="FreeFailuresPerLogin"/> or
/// <see cref="FreeFailuresPerAddress"/> wrong codes or passwords, each further try waits
/// <see cref="FirstWait"/>, doubling up to <see cref="LongestWait"/>. Asking for codes is limited the
/// same two ways. Kept in memory: a restart forgets the counts, which costs an attacker a restart.
/// </summary>
public sealed class SignInLimits(TimeProvider clock)
{
    public const int FreeFailuresPerLogin = 8;
    public const int FreeFailuresPerAddress = 15;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Failures this long ago no longer count.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    public const int CodesPerLogin = 5;
    public const int CodesPerAddress = 15;
    public static readonly TimeSpan CodeWindow = TimeSpan.FromHours(1);

    private const int PruneAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Failures> failures = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> codeRequests = [];

    /// <summary>How long this login from this address must wait before trying again; null when it may try now.</summary>
    public TimeSpan? WaitBeforeTrying(string login, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            var wait = new[] { LoginKey(login), AddressKey(address) }
                .Select(k => failures.TryGetValue(k, out var f) ? f.LockedUntil - now : TimeSpan.Zero)
                .Max();
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string login, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            Prune(now);
            Count(LoginKey(login), FreeFailuresPerLogin, now);
            Count(AddressKey(address), FreeFailuresPerAddress, now);
        }
    }

    /// <summary>A right code or password clears the login's count (not the address's: others may share it).</summary>
    public void Succeeded(string login)
    {
        lock (gate)
            failures.Remove(LoginKey(login));
    }

    /// <summary>Counts a request for a code; false when this login or this address asked too often in the last hour.</summary>
    public bool MayRequestCode(string login, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            Prune(now);
            var byLogin = Recent(LoginKey(login), now);
            var byAddress = Recent(AddressKey(address), now);
            if (byLogin.Count >= CodesPerLogin || byAddress.Count >= CodesPerAddress)
                return false;
            byLogin.Enqueue(now);
            byAddress.Enqueue(now);
            return true;
        }
    }

    private void Count(string key, int free, DateTimeOffset now)
    {
        var count = failures.TryGetValue(key, out var f) && now - f.Last < ForgetAfter ? f.Count + 1 : 1;
        var lockedUntil = count < free ? now : now + Wait(count - free);
        failures[key] = new Failures(count, now, lockedUntil);
    }

    private static TimeSpan Wait(int beyondFree) =>
        beyondFree >= 6 ? LongestWait : TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << beyondFree));

    private Queue<DateTimeOffset> Recent(string key, DateTimeOffset now)
    {
        if (!codeRequests.TryGetValue(key, out var times))
            codeRequests[key] = times = new Queue<DateTimeOffset>();
        while (times.TryPeek(out var oldest) && now - oldest >= CodeWindow)
            times.Dequeue();
        return times;
    }

    /// <summary>Keeps memory bounded when many addresses or made-up logins come by.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (failures.Count > PruneAbove)
        {
            foreach (var key in failures.Where(f => now - f.Value.Last >= ForgetAfter && f.Value.LockedUntil <= now).Select(f => f.Key).ToList())
                failures.Remove(key);
        }
        if (codeRequests.Count > PruneAbove)
        {
            foreach (var key in codeRequests.Where(c => !c.Value.TryPeek(out var last) || now - last >= CodeWindow).Select(c => c.Key).ToList())
                codeRequests.Remove(key);
        }
    }

    private static string LoginKey(string login) => "login:" + login.Trim().ToLowerInvariant();

    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
