using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Options;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// The one LiteDB data file of the process (direct mode, dates stored as UTC) and its unit of work.
/// Every write, a transaction of many or a single insert, goes through <see cref="Run"/> and so
/// through one writer at a time: LiteDB 5 lets transactions on different collections write at once,
/// and its header page, shared by all of them, can then be corrupted (its maintainers recommend one
/// write lock per database); it also rules out two transactions waiting on each other's collection
/// locks. Inside LiteDB one call runs at a time (<see cref="OneAtATimeEngine"/>): a reader waits for
/// the statement being written, not for the whole transaction.
/// </summary>
public sealed class LiteStore : IUnitOfWork, IDisposable
{
    [ThreadStatic]
    private static List<Action>? afterCommit;

    private readonly Lock writer = new();

    /// <summary>
    /// Background units (handling events, marking replies sent, clean-up) take turns here before the
    /// writer, so an acknowledgement waiting to commit has at most one of them ahead of it, and the
    /// others wait asleep rather than spinning on the writer.
    /// </summary>
    private readonly Turns background = new();
    private readonly DataFileLock owner;

    /// <summary>Units handed to <see cref="RunAsync"/>, committed by <see cref="committer"/> several at a time.</summary>
    private readonly Queue<Queued> queued = new();
    private readonly Thread committer;
    private bool closing;

    /// <summary>How many queued units one transaction commits at most: enough to spare most commits, few enough that a webhook's commit never waits long behind them.</summary>
    private const int MaxBatch = 16;

    public LiteStore(IOptions<StorageOptions> options)
    {
        var path = options.Value.FullPath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        owner = DataFileLock.Acquire(path);
        try
        {
            Lite = new LiteDatabase(new OneAtATimeEngine(new LiteEngine(new EngineSettings { Filename = path })), LiteMapping.Create())
            {
                UtcDate = true,
            };
            // LiteDB reads the header lazily: touch it now, so a damaged file stops the start, not the first event.
            _ = Lite.GetCollectionNames().ToList();
        }
        catch (Exception e)
        {
            // Whatever LiteDB throws for a damaged file, the start ends with one line naming it.
            Lite?.Dispose();
            owner.Dispose();
            throw new StorageStartException($"{path} is not a readable LiteDB data file ({e.Message}); restore it from a backup.");
        }
        Path = path;
        committer = new Thread(CommitQueued) { IsBackground = true, Name = "LiteDB committer" };
        committer.Start();
    }

    /// <summary>The lock that keeps the data file to this process.</summary>
    public DataFileLock Owner => owner;

    public LiteDatabase Lite { get; }

    public string Path { get; }

    public ILiteCollection<T> Collection<T>(string name) => Lite.GetCollection<T>(name);

    public void Run(Action work) => Run(work, first: false);

    /// <summary>A unit a webhook request waits for: ahead of the background units that wait.</summary>
    internal void RunFirst(Action work) => Run(work, first: true);

    private void Run(Action work, bool first)
    {
        if (afterCommit is not null)
        {
            work(); // already inside this thread's transaction: part of it
            return;
        }
        foreach (var action in Commit(work, first))
            action();
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction, after the background units' turn unless
    /// <paramref name="first"/>, and returns what it asked to run once committed.
    /// </summary>
    private List<Action> Commit(Action work, bool first)
    {
        if (!first)
            background.Enter();
        try
        {
            lock (writer)
            {
                afterCommit = [];
                try
                {
                    Lite.BeginTrans();
                    try
                    {
                        work();
                        Lite.Commit();
                        return afterCommit;
                    }
                    catch
                    {
                        Lite.Rollback();
                        throw;
                    }
                }
                finally
                {
                    afterCommit = null;
                }
            }
        }
        finally
        {
            if (!first)
                background.Exit();
        }
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the committer thread, which runs the units queued meanwhile
    /// in one transaction: a unit's completion then shares its commit with others'. When one of
    /// them throws, the transaction is rolled back and each unit runs again alone, so only that one
    /// fails.
    /// </summary>
    public Task RunAsync(Action work)
    {
        if (afterCommit is not null)
        {
            Run(work); // part of this thread's transaction
            return Task.CompletedTask;
        }
        var unit = new Queued(work);
        lock (queued)
        {
            ObjectDisposedException.ThrowIf(closing, this);
            queued.Enqueue(unit);
            if (queued.Count == 1)
                Monitor.Pulse(queued);
        }
        return unit.Done.Task;
    }

    private void CommitQueued()
    {
        var batch = new List<Queued>(MaxBatch);
        while (true)
        {
            lock (queued)
            {
                while (queued.Count == 0 && !closing)
                    Monitor.Wait(queued);
                if (queued.Count == 0)
                    return;
                while (batch.Count < MaxBatch && queued.TryDequeue(out var unit))
                    batch.Add(unit);
            }
            var failure = CommitTogether(batch);
            if (failure is not null)
            {
                if (batch.Count == 1)
                    batch[0].Done.TrySetException(failure);
                else
                    foreach (var unit in batch)
                        unit.Finish(() => Run(unit.Work));
            }
            batch.Clear();
        }
    }

    /// <summary>Runs the units in one transaction; what was thrown, with nothing stored, when one of them (or the engine) threw.</summary>
    private Exception? CommitTogether(List<Queued> batch)
    {
        List<Action> committed;
        try
        {
            committed = Commit(() =>
            {
                foreach (var unit in batch)
                {
                    unit.FirstAfterCommit = afterCommit!.Count;
                    unit.Work();
                    unit.AfterCommitCount = afterCommit.Count - unit.FirstAfterCommit;
                }
            }, first: false);
        }
        catch (Exception e)
        {
            return e;
        }
        foreach (var unit in batch)
        {
            unit.Finish(() =>
            {
                foreach (var action in committed.GetRange(unit.FirstAfterCommit, unit.AfterCommitCount))
                    action();
            });
        }
        return null;
    }

    private sealed class Queued(Action work)
    {
        public Action Work => work;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Where this unit's after-commit actions are in the batch's list.</summary>
        public int FirstAfterCommit { get; set; }

        public int AfterCommitCount { get; set; }

        public void Finish(Action rest)
        {
            try
            {
                rest();
                Done.TrySetResult();
            }
            catch (Exception e)
            {
                Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// Writes a consistent copy of the data file to <paramref name="destination"/> while the service
    /// runs: between transactions (the writer's lock held), with the log checkpointed into the data
    /// file and automatic checkpoints held off until the copy is done.
    /// </summary>
    public void Backup(string destination)
    {
        lock (writer)
        {
            var checkpointSize = Lite.CheckpointSize;
            Lite.Checkpoint();
            Lite.CheckpointSize = 0;
            try
            {
                File.Copy(Path, destination, overwrite: true);
            }
            finally
            {
                Lite.CheckpointSize = checkpointSize;
            }
        }
    }

    /// <summary>Writes the log into the data file, between transactions.</summary>
    public void Checkpoint()
    {
        lock (writer)
            Lite.Checkpoint();
    }

    /// <summary>Runs <paramref name="action"/> once the current transaction commits (at once outside one).</summary>
    internal static void AfterCommit(Action action)
    {
        if (afterCommit is { } pending)
            pending.Add(action);
        else
            action();
    }

    /// <summary>Closing the database also checkpoints its log into the data file.</summary>
    public void Dispose()
    {
        lock (queued)
        {
            closing = true;
            Monitor.Pulse(queued);
        }
        committer.Join();
        Lite.Dispose();
        owner.Dispose();
    }
}
