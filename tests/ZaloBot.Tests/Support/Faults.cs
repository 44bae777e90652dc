using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Storage;

namespace ZaloBot.Tests.Support;

/// <summary>
/// A fault to inject between deciding and committing: the next message queued for sending throws,
/// after whatever the event changed before it was written in the same transaction.
/// </summary>
public sealed class OutboxFault
{
    private int armed;

    public int Thrown { get; private set; }

    public void FailNextEnqueue() => Interlocked.Exchange(ref armed, 1);

    internal void ThrowIfArmed()
    {
        if (Interlocked.Exchange(ref armed, 0) == 1)
        {
            Thrown++;
            throw new IOException("injected: the disk failed while the reply was being queued");
        }
    }

    /// <summary>Wraps the service's queues (whichever store provides them) so that the outbox can fail on demand.</summary>
    public void Install(WebApplicationBuilder builder)
    {
        var original = builder.Services.Last(d => d.ServiceType == typeof(IWorkQueues));
        builder.Services.Remove(original);
        builder.Services.AddSingleton<IWorkQueues>(sp => new Queues((IWorkQueues)Create(sp, original), this));
    }

    private static object Create(IServiceProvider sp, ServiceDescriptor d) =>
        d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);

    private sealed class Queues(IWorkQueues inner, OutboxFault fault) : IWorkQueues
    {
        public IWorkQueue Inbox => inner.Inbox;

        public IWorkQueue Outbox { get; } = new FailingQueue(inner.Outbox, fault);
    }

    private sealed class FailingQueue(IWorkQueue inner, OutboxFault fault) : IWorkQueue
    {
        public IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> items)
        {
            fault.ThrowIfArmed();
            return inner.Enqueue(items);
        }

        public IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease) => inner.Claim(max, lease);
        public void Complete(QueueItem item, string? result) => inner.Complete(item, result);
        public void Retry(QueueItem item, string reason, int? code, TimeSpan delay) => inner.Retry(item, reason, code, delay);
        public void Fail(QueueItem item, string reason, int? code) => inner.Fail(item, reason, code);
        public bool Requeue(long id) => inner.Requeue(id);
        public QueueItem? Find(long id) => inner.Find(id);
        public int CountPending() => inner.CountPending();
        public DateTime? OldestDue() => inner.OldestDue();
        public IReadOnlyList<QueueItem> Failed(int max) => inner.Failed(max);
        public IReadOnlyList<QueueItem> All() => inner.All();
        public int DeleteDoneBefore(DateTime before, int batch) => inner.DeleteDoneBefore(before, batch);
        public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => inner.WaitAsync(timeout, ct);
    }
}
