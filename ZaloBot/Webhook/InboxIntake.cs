using System.Threading.Channels;
using ZaloBot.Storage;

namespace ZaloBot.Webhook;

/// <summary>
/// Stores webhook events with group commit: requests that arrive while a commit is under way wait
/// for the next one and share it, so a burst costs a few commits instead of one per event. Each
/// request still gets its answer only once its event is durable.
/// </summary>
public sealed class InboxIntake(Inbox inbox, ILogger<InboxIntake> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private sealed record Request(NewQueueItem Item, TaskCompletionSource<bool> Stored);

    private readonly Channel<Request> requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the event; false when it was delivered before.</summary>
    public Task<bool> AcceptAsync(ZaloEvent e, byte[] rawBody, CancellationToken ct)
    {
        var request = new Request(inbox.ToItem(e, rawBody), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!requests.Writer.TryWrite(request))
            throw new InvalidOperationException("The service is stopping.");
        return request.Stored.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Request>(MaxBatch);
        try
        {
            while (await requests.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && requests.Reader.TryRead(out var request))
                    batch.Add(request);
                Commit(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            requests.Writer.TryComplete();
            while (requests.Reader.TryRead(out var left))
                left.Stored.TrySetException(new InvalidOperationException("The service is stopping."));
        }
    }

    private void Commit(List<Request> batch)
    {
        try
        {
            var stored = inbox.Queue.Enqueue(batch.Select(r => r.Item).ToList());
            for (var i = 0; i < batch.Count; i++)
                batch[i].Stored.TrySetResult(stored[i]);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Storing {Count} webhook event(s) failed; Zalo is asked to deliver them again", batch.Count);
            foreach (var request in batch)
                request.Stored.TrySetException(e);
        }
    }
}
