using System.Diagnostics.CodeAnalysis;

namespace ZaloBot.Storage;

/// <summary>
/// An auto-reset signal for a queue's claimer: any number of <see cref="Set"/> calls before a wait
/// wake it once, so a burst of enqueues costs one extra round, not one round each.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The semaphore's wait handle is never created, so it holds nothing to release; the signal lives as long as its queue.")]
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
