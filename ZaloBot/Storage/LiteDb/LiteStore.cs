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
    private readonly SemaphoreSlim background = new(1, 1);
    private readonly DataFileLock owner;

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
        List<Action> committed;
        if (!first)
            background.Wait();
        try
        {
            lock (writer)
            {
                afterCommit = [];
                Lite.BeginTrans();
                try
                {
                    work();
                    Lite.Commit();
                    committed = afterCommit;
                }
                catch
                {
                    Lite.Rollback();
                    throw;
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
                background.Release();
        }
        foreach (var action in committed)
            action();
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
        Lite.Dispose();
        background.Dispose();
        owner.Dispose();
    }
}
