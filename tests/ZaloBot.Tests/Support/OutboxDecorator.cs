using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Storage;

namespace ZaloBot.Tests.Support;

/// <summary>
/// The service's outbox queue, whichever store provides it, passed through a test's wrapper: what a
/// test overrides (an enqueue that fails, claims that stall) happens; everything else is the store's.
/// </summary>
public class OutboxDecorator(IWorkQueue inner) : IWorkQueue
{
    /// <summary>Replaces the registered queues with the same queues whose outbox is <paramref name="wrap"/>'s.</summary>
    public static void Install(WebApplicationBuilder builder, Func<IWorkQueue, IWorkQueue> wrap)
    {
        var original = builder.Services.Last(d => d.ServiceType == typeof(IWorkQueues));
        builder.Services.Remove(original);
        builder.Services.AddSingleton<IWorkQueues>(sp => new Queues(
            (IWorkQueues)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
            wrap));
    }

    private sealed class Queues(IWorkQueues inner, Func<IWorkQueue, IWorkQueue> wrap) : IWorkQueues
    {
        public IWorkQueue Inbox => inner.Inbox;

        public IWorkQueue Outbox { get; } = wrap(inner.Outbox);
    }

    public virtual IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> items) => inner.Enqueue(items);
    public virtual IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease) => inner.Claim(max, lease);
    public void Complete(QueueItem item, string? result) => inner.Complete(item, result);
    public void Retry(QueueItem item, string reason, int? code, TimeSpan delay) => inner.Retry(item, reason, code, delay);
    public void Fail(QueueItem item, string reason, int? code) => inner.Fail(item, reason, code);
    public bool Requeue(long id) => inner.Requeue(id);
    public QueueItem? Find(long id) => inner.Find(id);
    public int CountPending() => inner.CountPending();
    public DateTime? OldestDue() => inner.OldestDue();
    public IReadOnlyList<QueueItem> Failed(int max) => inner.Failed(max);
    public IReadOnlyList<QueueItem> All() => inner.All();
    public int Import(IReadOnlyList<QueueItem> items) => inner.Import(items);
    public int DeleteDoneBefore(DateTime before, int batch) => inner.DeleteDoneBefore(before, batch);
    public virtual Task WaitAsync(TimeSpan timeout, CancellationToken ct) => inner.WaitAsync(timeout, ct);
}
