using LiteDB;
using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Zalo;

namespace ZaloBot.Storage.LiteDb;

internal sealed class LiteSignInCodeStore : ISignInCodeStore
{
    private readonly LiteStore store;

    private readonly ILiteCollection<PendingCode> codes;

    public LiteSignInCodeStore(LiteStore store)
    {
        this.store = store;
        codes = store.Collection<PendingCode>("dashboard_codes");
        store.Run(() => codes.EnsureIndex(x => x.ExpiresAt));
    }

    public PendingCode? Find(string staffKey) => codes.FindById(staffKey);

    public void Save(PendingCode code) => store.Run(() => codes.Upsert(code));

    public void Delete(string staffKey) => store.Run(() => codes.Delete(staffKey));

    public int DeleteExpired(DateTime before, int batch) =>
        LiteBatches.Delete(codes, Query.LT(nameof(PendingCode.ExpiresAt), before), batch);
}

internal sealed class LiteAdminPasswordStore(LiteStore store) : IAdminPasswordStore
{
    private readonly ILiteCollection<StoredPassword> passwords = store.Collection<StoredPassword>("dashboard_admin");

    public StoredPassword? Get() => passwords.FindById(1);

    public void Save(StoredPassword password) => store.Run(() => passwords.Upsert(password));
}

internal sealed class LiteTokenPairStore(LiteStore store) : ITokenPairStore
{
    private readonly ILiteCollection<StoredTokens> tokens = store.Collection<StoredTokens>("tokens");

    public StoredTokens? Get() => tokens.FindById(1);

    public void Save(StoredTokens pair)
    {
        store.Run(() => tokens.Upsert(pair));
        store.Checkpoint();
    }
}

internal sealed class LiteModeHistoryStore(LiteStore store) : IModeHistoryStore
{
    private readonly ILiteCollection<BsonDocument> marks = store.Collection<BsonDocument>("mode_history");

    public DateTime? LiveSince() => marks.FindById("live") is { } mark ? mark["at"].AsDateTime : null;

    public void MarkLive(DateTime at) => store.Run(() =>
    {
        if (marks.FindById("live") is null)
            marks.Insert(new BsonDocument { ["_id"] = "live", ["at"] = at });
    });
}

internal sealed class LiteJobRunStore(LiteStore store) : IJobRunStore
{
    private readonly ILiteCollection<DigestRun> runs = store.Collection<DigestRun>("digest_runs");

    public bool Claimed(DateOnly date) => runs.FindById(DigestRuns.KeyOf(date)) is not null;

    public bool TryClaim(DigestRun run)
    {
        var claimed = false;
        store.Run(() =>
        {
            if (runs.FindById(run.Date) is not null)
                return;
            runs.Insert(run);
            claimed = true;
        });
        return claimed;
    }

    public IReadOnlyList<DigestRun> All() => runs.FindAll().ToList();
}

/// <summary>Blobs in LiteDB's file storage, in the same data file (and transactions) as everything else.</summary>
internal sealed class LiteBlobStore(LiteStore store) : IBlobStore
{
    public void Put(string id, string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        store.Run(() => store.Lite.FileStorage.Upload(id, fileName, stream));
    }

    public Blob? Get(string id)
    {
        var file = store.Lite.FileStorage.FindById(id);
        if (file is null)
            return null;
        using var content = new MemoryStream();
        file.CopyTo(content);
        return new Blob(file.Filename, content.ToArray());
    }

    public int DeleteOlderThan(string prefix, DateTime before, int batch)
    {
        var old = store.Lite.FileStorage.Find(Query.And(Query.StartsWith("_id", prefix), Query.LT("uploadDate", before)))
            .Take(batch)
            .Select(f => f.Id)
            .ToList();
        foreach (var id in old)
            store.Lite.FileStorage.Delete(id);
        return old.Count;
    }

    public IReadOnlyList<string> Ids() => store.Lite.FileStorage.FindAll().Select(f => f.Id).ToList();
}

internal sealed class LiteWorkQueues(LiteStore store, TimeProvider clock) : IWorkQueues
{
    public IWorkQueue Inbox { get; } = new LiteWorkQueue(store, "inbox", clock, uniqueKeys: true);

    public IWorkQueue Outbox { get; } = new LiteWorkQueue(store, "outbox", clock, uniqueKeys: false);
}
