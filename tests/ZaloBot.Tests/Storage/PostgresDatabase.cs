using Npgsql;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL database for one test class: created on the server named by
/// <c>ZALOBOT_TEST_POSTGRES</c>, emptied before each test with <see cref="Reset"/>, dropped at the end.
/// Without the variable the tests are reported as skipped, with how to set it, on a developer's
/// machine; in CI (CI=true, where .ci/run starts a server) they fail instead of passing unseen.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "ZALOBOT_TEST_POSTGRES";

    private readonly string admin;
    private readonly string name = "zb_" + Guid.NewGuid().ToString("N");

    private static readonly string Missing =
        $"The PostgreSQL tests need a server: set {Variable} to a connection string of a user who may create databases, " +
        $"e.g. {Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Password=…;Database=postgres\" (.ci/run starts a throwaway server " +
        "and sets it), or leave them out with dotnet test --filter \"Category!=Postgres\".";

    public PostgresDatabase()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(configured))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException(Missing);
            admin = ConnectionString = "";
            return;
        }
        admin = configured;
        Execute(admin, $"CREATE DATABASE {name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Skips the calling test where no server is configured (never in CI, see the class summary).</summary>
    public void SkipUnlessAvailable() => Skip.If(admin.Length == 0, Missing);

    /// <summary>Empties every table the service created (the schema stays), so each test starts from nothing.</summary>
    public void Reset()
    {
        SkipUnlessAvailable();
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var list = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'", connection);
        if (list.ExecuteScalar() is string tables)
        {
            using var truncate = new NpgsqlCommand($"TRUNCATE {tables} RESTART IDENTITY", connection);
            truncate.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        if (admin.Length == 0)
            return;
        NpgsqlConnection.ClearAllPools();
        Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
