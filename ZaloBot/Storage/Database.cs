using LiteDB;
using Microsoft.Extensions.Options;

namespace ZaloBot.Storage;

/// <summary>The one LiteDB database of the process (direct mode, dates stored as UTC).</summary>
public sealed class Database : IDisposable
{
    public Database(IOptions<StorageOptions> options)
    {
        var path = options.Value.FullPath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Lite = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct })
        {
            UtcDate = true,
        };
        Path = path;
    }

    public LiteDatabase Lite { get; }

    public string Path { get; }

    public ILiteCollection<T> Collection<T>(string name) => Lite.GetCollection<T>(name);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction: all of it is stored, or none of it when it
    /// throws. LiteDB ties a transaction to its thread, so <paramref name="work"/> must not await.
    /// </summary>
    public void InTransaction(Action work)
    {
        Lite.BeginTrans();
        try
        {
            work();
            Lite.Commit();
        }
        catch
        {
            Lite.Rollback();
            throw;
        }
    }

    /// <summary>Closing the database also checkpoints its log into the data file.</summary>
    public void Dispose() => Lite.Dispose();
}
