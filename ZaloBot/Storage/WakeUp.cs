namespace ZaloBot.Storage;

/// <summary>
/// An auto-reset signal for a queue's claimer: any number of <see cref="Set"/> calls before a wait
/// wake it once, so a burst of enqueues costs one extra round, not one round each.
/// </summary>
public sealed class WakeUp
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Set()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already set
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
