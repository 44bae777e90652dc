namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// One holder at a time, the others served in the order they came, each waiting asleep. A
/// <see cref="SemaphoreSlim"/> spins before it sleeps, and with a dozen waiters on two cores
/// that spinning took a quarter of the CPU the queue workers needed.
/// </summary>
internal sealed class Turns
{
    private readonly Lock gate = new();
    private readonly Queue<Waiter> waiting = new();
    private bool held;

    public void Enter()
    {
        var waiter = new Waiter();
        lock (gate)
        {
            if (!held)
            {
                held = true;
                return;
            }
            waiting.Enqueue(waiter);
        }
        // Exit hands the turn over (held stays true) by waking the first in line.
        lock (waiter)
        {
            while (!waiter.Woken)
                Monitor.Wait(waiter);
        }
    }

    public void Exit()
    {
        lock (gate)
        {
            if (!waiting.TryDequeue(out var next))
            {
                held = false;
                return;
            }
            lock (next)
            {
                next.Woken = true;
                Monitor.Pulse(next);
            }
        }
    }

    private sealed class Waiter
    {
        public bool Woken { get; set; }
    }
}
