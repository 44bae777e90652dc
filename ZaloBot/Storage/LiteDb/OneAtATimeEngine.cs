using LiteDB;
using LiteDB.Engine;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// LiteDB's engine with one thread inside it at a time. LiteDB 5's page cache has a race between a
/// reader taking a cached page and another thread recycling unused pages: the page is recycled while
/// in use, and the engine then refuses every operation ("pages in memory store must be non-shared")
/// until the process restarts. Under load that race was hit. A query is read whole inside the lock
/// (the stores keep their queries bounded, and page through large reads); a transaction holds the
/// lock only call by call, so readers still pass between its statements.
/// </summary>
internal sealed class OneAtATimeEngine(ILiteEngine engine) : ILiteEngine
{
    private readonly Lock gate = new();

    private T Inside<T>(Func<T> call)
    {
        lock (gate)
            return call();
    }

    public IBsonDataReader Query(string collection, Query query) => Inside(() =>
    {
        using var reader = engine.Query(collection, query);
        var values = new List<BsonValue>();
        while (reader.Read())
            values.Add(reader.Current);
        return (IBsonDataReader)new ListReader(values, collection);
    });

    public int Checkpoint() => Inside(engine.Checkpoint);

    public long Rebuild(RebuildOptions options) => Inside(() => engine.Rebuild(options));

    public bool BeginTrans() => Inside(engine.BeginTrans);

    public bool Commit() => Inside(engine.Commit);

    public bool Rollback() => Inside(engine.Rollback);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Inside(() => engine.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Inside(() => engine.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Inside(() => engine.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Inside(() => engine.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Inside(() => engine.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Inside(() => engine.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Inside(() => engine.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Inside(() => engine.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Inside(() => engine.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Inside(() => engine.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Inside(() => engine.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Inside(() => engine.Pragma(name, value));

    public void Dispose()
    {
        lock (gate)
            engine.Dispose();
    }
}

/// <summary>A query's results, read already.</summary>
internal sealed class ListReader(List<BsonValue> values, string collection) : IBsonDataReader
{
    private int index = -1;

    public BsonValue this[string field] => Current.AsDocument[field];

    public string Collection => collection;

    public BsonValue Current => index >= 0 && index < values.Count ? values[index] : BsonValue.Null;

    public bool HasValues => values.Count > 0;

    public bool Read() => ++index < values.Count;

    public void Dispose()
    {
    }
}
