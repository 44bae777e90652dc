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
            work(); // already inside this thread's transaction: part of it
            return;
        }
        var outer = current; // another store's transaction on this thread (tests with two databases): left alone
        List<Action> committed;
        using (var connection = dataSource.OpenConnection())
        {
            using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            current = new Ambient(this, connection);
            try
            {
                work();
                transaction.Commit();
                committed = current.AfterCommit;
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

    /// <summary>Runs <paramref name="action"/> once the current transaction commits (at once outside one).</summary>
    internal void AfterCommit(Action action)
    {
        if (InTransaction)
            current!.AfterCommit.Add(action);
        else
            action();
    }

    /// <summary>Runs <paramref name="work"/> on this thread's transaction, or on a pooled connection of its own (each statement committing by itself).</summary>
    internal T Use<T>(Func<NpgsqlConnection, T> work)
    {
        if (InTransaction)
            return work(current!.Connection);
        using var connection = dataSource.OpenConnection();
        return work(connection);
    }

    internal int Execute(string sql, params NpgsqlParameter[] args) => Use(c =>
    {
        using var command = Command(c, sql, args);
        return command.ExecuteNonQuery();
    });

    internal T? Scalar<T>(string sql, params NpgsqlParameter[] args) => Use(c =>
    {
        using var command = Command(c, sql, args);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    });

    internal List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] args) => Use(c =>
    {
        using var command = Command(c, sql, args);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    });

    /// <summary>A figure per commune and day: rows of commune, day and count.</summary>
    internal DailyCounts DailyCounts(string sql, DateOnly from, DateOnly to, params NpgsqlParameter[] args) => Use(c =>
    {
        using var command = Command(c, sql, args);
        using var reader = command.ExecuteReader();
        var counts = new DailyCounts(from, to);
        while (reader.Read())
            counts.Set(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2));
        return counts;
    });

    internal T? One<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] args) where T : class =>
        Query(sql, read, args).FirstOrDefault();

    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlParameter[] args)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(args);
        return command;
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
    }
}
