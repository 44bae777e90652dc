using System.Data;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ZaloBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL database shared by every instance of the service, and its unit of work: one
/// transaction on one pooled connection per <see cref="Run"/>, kept for the running thread (the
/// work never awaits, so it stays on that thread). A store call made inside <see cref="Run"/> uses
/// that transaction; outside, it takes a connection of its own and commits by itself. Keyed reads
/// made inside a transaction lock the row they read (<see cref="ForUpdate"/>), so two instances that
/// read, change and write the same record wait for each other instead of losing one change.
/// A write whose outcome nobody reads (<see cref="Write"/>) waits inside the transaction for the
/// next statement that reads, or for the COMMIT, and goes with it in one round trip: a unit of
/// work's writes cost one trip to the server together, not one each.
/// </summary>
public sealed class PgStore : IUnitOfWork, IDisposable
{
    /// <summary>
    /// Threads the pool keeps ready: every round trip blocks its thread (a unit of work never
    /// awaits), and the queues' consumers, their claimers and the webhook's intake all wait on the
    /// database at once. Past its minimum the pool adds about two threads a second, so with the
    /// default (one per core) a burst of events starved the requests that acknowledge them.
    /// </summary>
    private const int MinThreads = 64;

    [ThreadStatic]
    private static Ambient? current;

    private readonly NpgsqlDataSource dataSource;

    public PgStore(IOptions<StorageOptions> options)
    {
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new StorageStartException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StorageStartException("Storage:ConnectionString is not a valid PostgreSQL connection string: " + e.Message, e);
        }
        Where = $"{settings.Host}:{settings.Port}/{settings.Database}";
        // The stores run the same few dozen statements over and over: prepared once per connection, the
        // server parses and plans each of them once (an operator's own setting is kept).
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        // Nothing here leaves state on a session (locks and settings are the transaction's, which a
        // returned connection rolls back anyway; the schema's lock is released before its connection
        // goes back), so a pooled connection is handed out again as it is, without the seven reset
        // statements that otherwise go with its next use (an operator's own setting is kept).
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
            settings.NoResetOnClose = true;
        ThreadPool.GetMinThreads(out var workers, out var completions);
        if (workers < MinThreads)
            ThreadPool.SetMinThreads(MinThreads, completions);
        dataSource = NpgsqlDataSource.Create(settings);
        try
        {
            PgSchema.CreateOrUpgrade(dataSource);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            dataSource.Dispose();
            throw new StorageStartException($"The PostgreSQL database at {Where} cannot be used: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Where { get; }

    internal NpgsqlDataSource DataSource => dataSource;

    /// <summary>True while the calling thread is inside this store's <see cref="Run"/>.</summary>
    internal bool InTransaction => current?.Owner == this;

    /// <summary>" FOR UPDATE" inside a transaction (the read row stays locked until it commits), nothing outside.</summary>
    internal string ForUpdate => InTransaction ? " FOR UPDATE" : "";

    public void Run(Action work)
    {
        if (InTransaction)
        {
            current!.Depth++; // already inside this thread's transaction: part of it
            try
            {
                work();
            }
            finally
            {
                current.Depth--;
            }
            return;
        }
        var outer = current; // another store's transaction on this thread (tests with two databases): left alone
        List<Action> committed;
        using (var connection = dataSource.OpenConnection())
        {
            using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            var ambient = current = new Ambient(this, connection);
            try
            {
                work();
                if (!ambient.Committed)
                    Commit(ambient, transaction);
                committed = ambient.AfterCommit;
            }
            catch
            {
                TryRollback(transaction);
                throw;
            }
            finally
            {
                current = outer;
            }
        }
        foreach (var action in committed)
            action();
    }

    /// <summary>The COMMIT, with the writes still waiting before it: one round trip.</summary>
    private static void Commit(Ambient ambient, NpgsqlTransaction transaction)
    {
        if (ambient.Writes.Count == 0)
        {
            transaction.Commit();
            return;
        }
        using var batch = ambient.Batch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        batch.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="action"/> once the current transaction commits (at once outside one).</summary>
    internal void AfterCommit(Action action)
    {
        if (InTransaction)
            current!.AfterCommit.Add(action);
        else
            action();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on this thread's transaction, or on a pooled connection of its
    /// own (each statement committing by itself), with the batch of the transaction's waiting writes
    /// and then <paramref name="sql"/>.
    /// </summary>
    private T Send<T>(string sql, NpgsqlParameter[] args, Func<NpgsqlBatch, T> work)
    {
        if (InTransaction)
        {
            if (current!.Committed)
                throw new InvalidOperationException("The transaction has already committed.");
            using var batch = current.Batch();
            batch.BatchCommands.Add(Statement(sql, args));
            return work(batch);
        }
        using var connection = dataSource.OpenConnection();
        using var alone = new NpgsqlBatch(connection) { BatchCommands = { Statement(sql, args) } };
        return work(alone);
    }

    /// <summary>
    /// A write whose outcome nobody reads. Inside a transaction it waits for the next statement sent
    /// (or the COMMIT) and goes with it, so its error, if any, comes from that call; outside one it
    /// runs at once.
    /// </summary>
    internal void Write(string sql, params NpgsqlParameter[] args)
    {
        if (!InTransaction)
        {
            Execute(sql, args);
            return;
        }
        if (current!.Committed)
            throw new InvalidOperationException("The transaction has already committed.");
        current.Writes.Add(Statement(sql, args));
    }

    /// <summary>Runs a statement and says how many rows it changed.</summary>
    internal int Execute(string sql, params NpgsqlParameter[] args) => Send(sql, args, batch =>
    {
        batch.ExecuteNonQuery();
        return batch.BatchCommands[^1].RecordsAffected;
    });

    internal T? Scalar<T>(string sql, params NpgsqlParameter[] args) => Send(sql, args, batch =>
    {
        var value = batch.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    });

    internal List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] args) =>
        Send(sql, args, batch => ReadAll(batch, read));

    /// <summary>
    /// <see cref="Query"/> as the last statement of the transaction that <see cref="Run"/> began:
    /// sent with the COMMIT, in one round trip. Inside a transaction begun further out it is only a
    /// query (that transaction commits when it ends).
    /// </summary>
    internal List<T> QueryAndCommit<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] args)
    {
        if (!InTransaction || current!.Depth > 0)
            return Query(sql, read, args);
        var ambient = current;
        var rows = Send(sql, args, batch =>
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            return ReadAll(batch, read);
        });
        ambient.Committed = true;
        return rows;
    }

    private static List<T> ReadAll<T>(NpgsqlBatch batch, Func<NpgsqlDataReader, T> read)
    {
        using var reader = batch.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        while (reader.NextResult())
        {
            // the statements after the one read (a COMMIT): their errors surface here
        }
        return rows;
    }

    /// <summary>A figure per commune and day: rows of commune, day and count.</summary>
    internal DailyCounts DailyCounts(string sql, DateOnly from, DateOnly to, params NpgsqlParameter[] args)
    {
        var counts = new DailyCounts(from, to);
        foreach (var (commune, day, count) in Query(sql, r => (r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt32(2)), args))
            counts.Set(commune, day, count);
        return counts;
    }

    internal T? One<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] args) where T : class =>
        Query(sql, read, args).FirstOrDefault();

    private static NpgsqlBatchCommand Statement(string sql, NpgsqlParameter[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(args);
        return command;
    }

    /// <summary>Whether a connection string sets a keyword (under any of its names) itself.</summary>
    private static bool Mentions(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    /// <summary>A parameter; a <see cref="DateTime"/> is sent as UTC (timestamptz), null as SQL NULL.</summary>
    internal static NpgsqlParameter Arg(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        DateTime t => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = Utc(t) },
        _ => new NpgsqlParameter(name, value),
    };

    internal static NpgsqlParameter Arg(string name, DateTime? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } t ? Utc(t) : DBNull.Value };

    internal static NpgsqlParameter Json(string name, string json) => new(name, NpgsqlDbType.Jsonb) { Value = json };

    internal static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    /// <summary>A text[] parameter (a null element is SQL NULL), for a statement that unnests a batch.</summary>
    internal static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    internal static NpgsqlParameter Day(string name, DateOnly day) => new(name, NpgsqlDbType.Date) { Value = day };

    /// <summary>The stored times are UTC; a time without a kind is taken as UTC, as LiteDB takes it.</summary>
    internal static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    /// <summary>A Vietnam day as the records hold it: midnight UTC of that date.</summary>
    internal static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    internal static DateOnly DayOf(DateTime midnight) => DateOnly.FromDateTime(midnight);

    internal static DateTime? NullableTime(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTime>(i);

    internal static string? NullableText(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static void TryRollback(NpgsqlTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception)
        {
            // the connection broke: the server rolls the transaction back by itself
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public void Dispose() => dataSource.Dispose();

    private sealed class Ambient(PgStore owner, NpgsqlConnection connection)
    {
        public PgStore Owner { get; } = owner;

        public NpgsqlConnection Connection { get; } = connection;

        public List<Action> AfterCommit { get; } = [];

        /// <summary>Writes not sent yet, in the order they were made.</summary>
        public List<NpgsqlBatchCommand> Writes { get; } = [];

        /// <summary>How many <see cref="Run"/> calls inside the one that began the transaction are under way.</summary>
        public int Depth { get; set; }

        /// <summary>Set once the COMMIT went out with a statement: nothing more may be sent.</summary>
        public bool Committed { get; set; }

        /// <summary>A batch of the waiting writes (taken out of the list), to which the caller adds what goes after them.</summary>
        public NpgsqlBatch Batch()
        {
            var batch = new NpgsqlBatch(Connection);
            foreach (var write in Writes)
                batch.BatchCommands.Add(write);
            Writes.Clear();
            return batch;
        }
    }
}
