namespace ZaloBot.Dashboard;

/// <summary>
/// The admin password's PBKDF2 (600,000 rounds) holds a core for a fraction of a second. One check
/// runs at a time and the next waits at most <see cref="Turn"/>, so a burst of sign-ins takes one
/// core at most and is turned away (429) rather than queued: the webhook keeps the other.
/// </summary>
public sealed class PasswordChecks : IDisposable
{
    public static readonly TimeSpan Turn = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The check's answer, or null when another check kept the turn too long.</summary>
    public async Task<bool?> RunAsync(Func<bool> check, CancellationToken ct)
    {
        if (!await gate.WaitAsync(Turn, ct))
            return null;
        try
        {
            return check();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
