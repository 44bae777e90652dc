using Microsoft.AspNetCore.Builder;
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
    public void Install(WebApplicationBuilder builder) => OutboxDecorator.Install(builder, outbox => new FailingQueue(outbox, this));

    private sealed class FailingQueue(IWorkQueue inner, OutboxFault fault) : OutboxDecorator(inner)
    {
        public override IReadOnlyList<bool> Enqueue(IReadOnlyList<NewQueueItem> items)
        {
            fault.ThrowIfArmed();
            return base.Enqueue(items);
        }
    }
}
