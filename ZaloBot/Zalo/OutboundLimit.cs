using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo;

/// <summary>
/// The calls to Zalo allowed per clock minute (<see cref="ZaloOptions.MaxRequestsPerMinute"/>), as
/// counted where every instance that sends for the OA sees them: in the process for LiteDB (one
/// process), in the database for PostgreSQL (several instances).
/// </summary>
public interface IOutboundBudget
{
    /// <summary>
    /// Takes up to <paramref name="wanted"/> calls from the budget of <paramref name="minute"/>, of
    /// which at most <paramref name="limit"/> are ever taken; returns how many it took (0: spent).
    /// </summary>
    int Take(DateTime minute, int wanted, int limit);

    /// <summary>Forgets the counts of minutes before <paramref name="minute"/>, at most <paramref name="batch"/> of them (the janitor's work).</summary>
    int DeleteBefore(DateTime minute, int batch);
}

/// <summary>The budget of a single process, for LiteDB: a counter for the current minute.</summary>
public sealed class InProcessOutboundBudget : IOutboundBudget
{
    private readonly Lock gate = new();
    private DateTime minute;
    private int used;

    public int Take(DateTime minute, int wanted, int limit)
    {
        lock (gate)
        {
            if (minute != this.minute)
                (this.minute, used) = (minute, 0);
            var taken = Math.Clamp(limit - used, 0, wanted);
            used += taken;
            return taken;
        }
    }

    public int DeleteBefore(DateTime minute, int batch) => 0;
}

/// <summary>
/// Waits, before each call to Zalo, for a place in the minute's <see cref="IOutboundBudget"/>. Places
/// are taken in small blocks (a tenth of the limit, at most 100), so a call rarely costs a database
/// round trip; a block's unused places lapse with its minute. When the minute's budget is spent the
/// caller waits for the next minute: a message is delayed, never failed, by the limit.
/// </summary>
public sealed class OutboundLimit(IOutboundBudget budget, IOptions<ZaloOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTime window;
    private int left;
    private DateTime spentUntil;
    private int waiting;

    /// <summary>Callers waiting for the next minute because this one's budget is spent.</summary>
    public int WaitingForNextMinute => Volatile.Read(ref waiting);

    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            var next = await TryTakeAsync(ct);
            if (next is not { } nextMinute)
                return;
            Interlocked.Increment(ref waiting);
            try
            {
                var delay = nextMinute - clock.GetUtcNow().UtcDateTime;
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, clock, ct);
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }
    }

    /// <summary>Null when a place was taken; otherwise the start of the next minute, to wait for.</summary>
    private async Task<DateTime?> TryTakeAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var minute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
            if (minute != window)
                (window, left) = (minute, 0); // places left of a past minute are not this minute's
            if (left == 0 && now >= spentUntil)
            {
                var limit = Math.Max(1, options.Value.MaxRequestsPerMinute);
                left = budget.Take(minute, Math.Clamp(limit / 10, 1, 100), limit);
                if (left == 0)
                    spentUntil = minute.AddMinutes(1);
            }
            if (left == 0)
                return minute.AddMinutes(1);
            left--;
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
