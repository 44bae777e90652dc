using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Zalo;
using static ZaloBot.Storage.Postgres.PgStore;

namespace ZaloBot.Storage.Postgres;

internal sealed class PgSignInCodeStore(PgStore store) : ISignInCodeStore
{
    public PendingCode? Find(string staffKey) => store.One(
        "SELECT staff_key, code_hash, issued_at, expires_at, attempts FROM dashboard_codes WHERE staff_key = @key" + store.ForUpdate,
        r => new PendingCode
        {
            StaffKey = r.GetString(0),
            CodeHash = r.GetString(1),
            IssuedAt = r.GetFieldValue<DateTime>(2),
            ExpiresAt = r.GetFieldValue<DateTime>(3),
            Attempts = r.GetInt32(4),
        },
        Arg("key", staffKey));

    public void Save(PendingCode code) => store.Write(
        """
        INSERT INTO dashboard_codes (staff_key, code_hash, issued_at, expires_at, attempts) VALUES (@key, @hash, @issued, @expires, @attempts)
        ON CONFLICT (staff_key) DO UPDATE SET code_hash = excluded.code_hash, issued_at = excluded.issued_at,
            expires_at = excluded.expires_at, attempts = excluded.attempts
        """,
        Arg("key", code.StaffKey), Arg("hash", code.CodeHash), Arg("issued", code.IssuedAt), Arg("expires", code.ExpiresAt), Arg("attempts", code.Attempts));

    public void Delete(string staffKey) => store.Write("DELETE FROM dashboard_codes WHERE staff_key = @key", Arg("key", staffKey));

    public int DeleteExpired(DateTime before, int batch) => store.Execute(
        "DELETE FROM dashboard_codes WHERE staff_key IN (SELECT staff_key FROM dashboard_codes WHERE expires_at < @before LIMIT @batch)",
        Arg("before", before), Arg("batch", batch));
}

internal sealed class PgDashboardSessions(PgStore store, TimeProvider clock) : IDashboardSessions
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool IsActive(string id) => store.Scalar<bool>(
        "SELECT EXISTS (SELECT 1 FROM dashboard_sessions WHERE id = @id AND expires_at > @now)",
        Arg("id", DashboardSession.KeyOf(id)), Arg("now", Now));

    public void Start(string id, DateTime expires) => store.Write(
        "INSERT INTO dashboard_sessions (id, expires_at) VALUES (@id, @expires) ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at",
        Arg("id", DashboardSession.KeyOf(id)), Arg("expires", expires));

    public void Extend(string id, DateTime expires) => store.Write(
        "UPDATE dashboard_sessions SET expires_at = @expires WHERE id = @id AND expires_at > @now AND expires_at < @expires",
        Arg("id", DashboardSession.KeyOf(id)), Arg("expires", expires), Arg("now", Now));

    public void End(string id) => store.Write("DELETE FROM dashboard_sessions WHERE id = @id", Arg("id", DashboardSession.KeyOf(id)));

    public int DeleteExpired(DateTime before, int batch) => store.Execute(
        "DELETE FROM dashboard_sessions WHERE id IN (SELECT id FROM dashboard_sessions WHERE expires_at < @before LIMIT @batch)",
        Arg("before", before), Arg("batch", batch));
}

/// <summary>
/// One row per minute counts the calls every instance took; a take that would pass the limit
/// changes nothing, and a smaller one is tried while places are left.
/// </summary>
internal sealed class PgOutboundBudget(PgStore store) : IOutboundBudget
{
    public int Take(DateTime minute, int wanted, int limit)
    {
        var n = Math.Min(wanted, limit);
        while (n > 0)
        {
            var taken = store.Scalar<int?>(
                """
                INSERT INTO outbound_budget AS b (minute, used) VALUES (@minute, @n)
                ON CONFLICT (minute) DO UPDATE SET used = b.used + @n WHERE b.used + @n <= @limit
                RETURNING used
                """,
                Arg("minute", minute), Arg("n", n), Arg("limit", limit));
            if (taken is not null)
                return n;
            // Each refusal saw used + n > limit, and used only grows, so n shrinks every round.
            var left = limit - (store.Scalar<int?>("SELECT used FROM outbound_budget WHERE minute = @minute", Arg("minute", minute)) ?? 0);
            n = Math.Min(n, left);
        }
        return 0;
    }

    public int DeleteBefore(DateTime minute, int batch) => store.Execute(
        "DELETE FROM outbound_budget WHERE minute IN (SELECT minute FROM outbound_budget WHERE minute < @before LIMIT @batch)",
        Arg("before", minute), Arg("batch", batch));
}

internal sealed class PgAdminPasswordStore(PgStore store) : IAdminPasswordStore
{
    public StoredPassword? Get() => store.One(
        "SELECT id, salt, hash, iterations, set_at FROM dashboard_admin WHERE id = 1",
        r => new StoredPassword
        {
            Id = r.GetInt32(0),
            Salt = r.GetFieldValue<byte[]>(1),
            Hash = r.GetFieldValue<byte[]>(2),
            Iterations = r.GetInt32(3),
            SetAt = r.GetFieldValue<DateTime>(4),
        });

    public void Save(StoredPassword password) => store.Write(
        """
        INSERT INTO dashboard_admin (id, salt, hash, iterations, set_at) VALUES (1, @salt, @hash, @iterations, @at)
        ON CONFLICT (id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations, set_at = excluded.set_at
        """,
        Arg("salt", password.Salt), Arg("hash", password.Hash), Arg("iterations", password.Iterations), Arg("at", password.SetAt));
}

/// <summary>
/// The token pair: a committed row is durable, so a new pair is safe once <see cref="Save"/> returns.
/// The refresh lock is a transaction-scoped advisory lock on a connection of its own: several
/// instances take turns, and one that dies (its connection closed) lets it go at once.
/// </summary>
internal sealed class PgTokenPairStore(PgStore store) : ITokenPairStore
{
    /// <summary>The advisory lock key of token refreshes ("ZaloTok" in ASCII).</summary>
    private const long RefreshLockKey = 0x5A616C6F546F6B;

    public async Task<IAsyncDisposable?> LockForRefreshAsync(TimeSpan wait, CancellationToken ct)
    {
        var connection = await store.DataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            var waitMs = (long)Math.Ceiling(wait.TotalMilliseconds);
            await using (var timeout = new NpgsqlCommand($"SET LOCAL lock_timeout = {Math.Max(1, waitMs)}", connection, transaction))
                await timeout.ExecuteNonQueryAsync(ct);
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({RefreshLockKey})", connection, transaction)
            {
                CommandTimeout = (int)Math.Ceiling(wait.TotalSeconds) + 30,
            };
            try
            {
                await take.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new Held(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ending the transaction releases the lock; a broken connection releases it on the server.</summary>
    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.CommitAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // the connection broke: the server ended the transaction, and the lock with it
            }
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    public StoredTokens? Get() => store.One(
        "SELECT id, access_token, refresh_token, expires_at, updated_at FROM tokens WHERE id = 1",
        r => new StoredTokens
        {
            Id = r.GetInt32(0),
            AccessToken = r.GetString(1),
            RefreshToken = r.GetString(2),
            ExpiresAt = NullableTime(r, 3),
            UpdatedAt = r.GetFieldValue<DateTime>(4),
        });

    public void Save(StoredTokens pair) => store.Write(
        """
        INSERT INTO tokens (id, access_token, refresh_token, expires_at, updated_at) VALUES (1, @access, @refresh, @expires, @updated)
        ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
            expires_at = excluded.expires_at, updated_at = excluded.updated_at
        """,
        Arg("access", pair.AccessToken), Arg("refresh", pair.RefreshToken), Arg("expires", pair.ExpiresAt), Arg("updated", pair.UpdatedAt));
}

internal sealed class PgModeHistoryStore(PgStore store) : IModeHistoryStore
{
    public DateTime? LiveSince() => store.Scalar<DateTime?>("SELECT min(at) FROM mode_history WHERE mode = 'live'");

    public void MarkLive(DateTime at) => store.Write(
        "INSERT INTO mode_history (mode, at) VALUES ('live', @at) ON CONFLICT (mode) DO NOTHING", Arg("at", at));
}

internal sealed class PgJobRunStore(PgStore store) : IJobRunStore
{
    public bool Claimed(DateOnly date) =>
        store.Scalar<bool>("SELECT EXISTS (SELECT 1 FROM digest_runs WHERE date = @date)", Arg("date", DigestRuns.KeyOf(date)));

    public bool TryClaim(DigestRun run) => store.Execute(
        """
        INSERT INTO digest_runs (date, final, sent_at, to_group, officials) VALUES (@date, @final, @sent, @group, @officials)
        ON CONFLICT (date) DO NOTHING
        """,
        Arg("date", run.Date), Arg("final", run.Final), Arg("sent", run.SentAt), Arg("group", run.ToGroup), Arg("officials", run.Officials)) == 1;

    public IReadOnlyList<DigestRun> All() => store.Query(
        "SELECT date, final, sent_at, to_group, officials FROM digest_runs ORDER BY date",
        r => new DigestRun { Date = r.GetString(0), Final = r.GetBoolean(1), SentAt = r.GetFieldValue<DateTime>(2), ToGroup = r.GetBoolean(3), Officials = r.GetInt32(4) });
}

/// <summary>Blobs in a bytea table, in the same transactions as everything else; storing an id again replaces it.</summary>
internal sealed class PgBlobStore(PgStore store, TimeProvider clock) : IBlobStore
{
    public void Put(string id, string fileName, byte[] content) => store.Write(
        """
        INSERT INTO blobs (id, file_name, content, uploaded_at) VALUES (@id, @name, @content, @now)
        ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, content = excluded.content, uploaded_at = excluded.uploaded_at
        """,
        Arg("id", id), Arg("name", fileName), Arg("content", content), Arg("now", clock.GetUtcNow().UtcDateTime));

    public Blob? Get(string id) => store.One(
        "SELECT file_name, content FROM blobs WHERE id = @id",
        r => new Blob(r.GetString(0), r.GetFieldValue<byte[]>(1)),
        Arg("id", id));

    public int DeleteOlderThan(string prefix, DateTime before, int batch) => store.Execute(
        "DELETE FROM blobs WHERE id IN (SELECT id FROM blobs WHERE starts_with(id, @prefix) AND uploaded_at < @before LIMIT @batch)",
        Arg("prefix", prefix), Arg("before", before), Arg("batch", batch));

    public IReadOnlyList<string> Ids() => store.Query("SELECT id FROM blobs ORDER BY uploaded_at, id", r => r.GetString(0));
}

internal sealed class PgWorkQueues(PgStore store, TimeProvider clock) : IWorkQueues
{
    public IWorkQueue Inbox { get; } = new PgWorkQueue(store, "inbox", clock, uniqueKeys: true);

    public IWorkQueue Outbox { get; } = new PgWorkQueue(store, "outbox", clock, uniqueKeys: false);
}

/// <summary>
/// The Data Protection key ring in the database, so that every instance protects and unprotects
/// with the same keys. A key is stored on a connection of its own, never in the caller's
/// transaction: a key the process starts using must not vanish with a rollback.
/// </summary>
internal sealed class PgXmlRepository(PgStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY stored_at, name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
            elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING", connection);
        command.Parameters.Add(Arg("name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName));
        command.Parameters.Add(Arg("xml", element.ToString(SaveOptions.DisableFormatting)));
        command.ExecuteNonQuery();
    }
}
