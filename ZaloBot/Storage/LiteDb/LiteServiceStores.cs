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
        LiteBatches.Delete(codes, LiteQuery.Lt(nameof(PendingCode.ExpiresAt), before), batch);
}

/// <summary>Dashboard sessions in the data file, so a restart keeps everyone signed in.</summary>
internal sealed class LiteDashboardSessions : IDashboardSessions
{
    private readonly LiteStore store;
    private readonly TimeProvider clock;
    private readonly ILiteCollection<DashboardSession> sessions;

    public LiteDashboardSessions(LiteStore store, TimeProvider clock)
    {
        this.store = store;
        this.clock = clock;
        sessions = store.Collection<DashboardSession>("dashboard_sessions");
        store.Run(() => sessions.EnsureIndex(x => x.ExpiresAt));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool IsActive(string id) => sessions.FindById(DashboardSession.KeyOf(id)) is { } session && Now < session.ExpiresAt;

    public void Start(string id, DateTime expires) =>
        store.Run(() => sessions.Upsert(new DashboardSession { Id = DashboardSession.KeyOf(id), ExpiresAt = expires }));

    public void Extend(string id, DateTime expires) => store.Run(() =>
    {
        if (sessions.FindById(DashboardSession.KeyOf(id)) is { } session && Now < session.ExpiresAt && session.ExpiresAt < expires)
        {
            session.ExpiresAt = expires;
            sessions.Update(session);
        }
    });

    public void End(string id) => store.Run(() => sessions.Delete(DashboardSession.KeyOf(id)));

    public int DeleteExpired(DateTime before, int batch) =>
        LiteBatches.Delete(sessions, Query.LT(nameof(DashboardSession.ExpiresAt), before), batch);
}

internal sealed class LiteAdminPasswordStore(LiteStore store) : IAdminPasswordStore
{
    private readonly ILiteCollection<StoredPassword> passwords = store.Collection<StoredPassword>("dashboard_admin");

    public StoredPassword? Get() => passwords.FindById(1);

    public void Save(StoredPassword password) => store.Run(() => passwords.Upsert(password));
}

/// <summary>The token pair; the data file belongs to one process, so a lock in it is lock enough for a refresh.</summary>
internal sealed class LiteTokenPairStore(LiteStore store) : ITokenPairStore, IDisposable
{
    private readonly ILiteCollection<StoredTokens> tokens = store.Collection<StoredTokens>("tokens");
    private readonly SemaphoreSlim refresh = new(1, 1);

    public StoredTokens? Get() => tokens.FindById(1);

    public void Save(StoredTokens pair)
    {
        store.Run(() => tokens.Upsert(pair));
        store.Checkpoint();
    }

    public async Task<IAsyncDisposable?> LockForRefreshAsync(TimeSpan wait, CancellationToken ct) =>
        await refresh.WaitAsync(wait, ct) ? new Held(refresh) : null;

    public void Dispose() => refresh.Dispose();

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                gate.Release();
            return ValueTask.CompletedTask;
        }
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
        var old = store.Lite.FileStorage.Find(LiteQuery.StartsWith("_id", prefix))
            .Where(f => f.UploadDate.ToUniversalTime() < before)
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
