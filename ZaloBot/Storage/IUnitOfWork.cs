namespace ZaloBot.Storage;

/// <summary>
/// One transaction over every store. What an event changes (conversation, response, counts,
/// photos, outbound messages) and the inbox item's completion are committed together by
/// <see cref="Run"/>, or not at all; a retried event therefore finds the state it left, never half
/// of it. Store calls made outside <see cref="Run"/> commit on their own.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> as one transaction. The work must not await: slow I/O (a photo
    /// download, a Zalo call) happens before, and its result is part of what the work stores.
    /// </summary>
    void Run(Action work);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction, like <see cref="Run"/>, for a caller that
    /// can wait without holding a thread. A store may commit several such units in one transaction;
    /// if one of them fails, the others are run again alone, so the work must read what it changes
    /// from the stores rather than rely on what an earlier run left in memory.
    /// </summary>
    Task RunAsync(Action work)
    {
        Run(work);
        return Task.CompletedTask;
    }
}

public static class UnitOfWorkExtensions
{
    public static T Run<T>(this IUnitOfWork unit, Func<T> work)
    {
        T result = default!;
        unit.Run(() => result = work());
        return result;
    }
}
