using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZaloBot.Conversation;
using ZaloBot.Storage;
using ZaloBot.Dashboard;
using ZaloBot.Storage.Postgres;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// The storage contract on PostgreSQL (a database of its own for the class, emptied before each
/// test), and what only a database shared by several instances has to show.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresStoreContract(PostgresDatabase database) : StoreContract(Reset(database)), IClassFixture<PostgresDatabase>
{
    public static Dictionary<string, string?> SettingsOf(PostgresDatabase database) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["Survey:RespondentKeySecret"] = "a secret every instance shares",
    };

    private static Dictionary<string, string?> Reset(PostgresDatabase database)
    {
        database.Reset();
        return SettingsOf(database);
    }

    [SkippableFact]
    public async Task An_item_whose_insert_commits_late_is_not_claimed_while_a_later_item_of_its_partition_is_claimed()
    {
        var slowInsert = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        // The first item takes its id, then waits before committing; the second commits first and is claimed.
        var slow = Task.Run(() => Unit.Run(() =>
        {
            Outbox.Enqueue(new NewQueueItem(null, "user", "reply", "first"));
            slowInsert.Set();
            release.Wait();
        }));
        slowInsert.Wait();
        Outbox.Enqueue(new NewQueueItem(null, "user", "reply", "second"));
        var claimed = Assert.Single(Outbox.Claim(10, TimeSpan.FromMinutes(1)));
        Assert.Equal("second", claimed.Payload);

        release.Set();
        await slow;

        Assert.Empty(Outbox.Claim(10, TimeSpan.FromMinutes(1)));
        Outbox.Complete(claimed, "sent");
        Assert.Equal("first", Assert.Single(Outbox.Claim(10, TimeSpan.FromMinutes(1))).Payload);
    }

    [SkippableFact]
    public void In_a_unit_of_work_a_read_sees_the_writes_before_it_and_a_write_refused_at_the_commit_undoes_the_unit()
    {
        var conversations = Get<IConversationStore>();
        Unit.Run(() =>
        {
            conversations.Save("u1", new ConversationState { CommuneCode = "X07" });
            Outbox.Enqueue(new NewQueueItem(null, "p1", "reply", "hello"));
            Assert.Equal("X07", conversations.Load("u1")?.CommuneCode);
            Assert.Equal(1, Outbox.CountPending());
            conversations.Save("u1", new ConversationState { CommuneCode = "X08" });
        });
        Assert.Equal("X08", conversations.Load("u1")?.CommuneCode);

        // Login names are unique: the second member is refused when the writes go out with the COMMIT.
        var staff = Get<IStaffStore>();
        var refused = Assert.Throws<PostgresException>(() => Unit.Run(() =>
        {
            conversations.Save("u2", new ConversationState { CommuneCode = "X07" });
            staff.Import(new StaffMember { Key = "k1", ProtectedUserId = "p1", LoginName = "same", RegisteredAt = Now });
            staff.Import(new StaffMember { Key = "k2", ProtectedUserId = "p2", LoginName = "same", RegisteredAt = Now });
        }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Null(conversations.Load("u2"));
        Assert.Empty(staff.All());
        Assert.Equal(1, Outbox.CountPending());
    }

    [SkippableFact]
    public void A_claim_made_in_a_unit_of_work_that_fails_is_undone_with_it()
    {
        Outbox.Enqueue(new NewQueueItem(null, "user", "reply", "hello"));
        void ClaimThenFail()
        {
            Assert.Single(Outbox.Claim(10, TimeSpan.FromMinutes(1)));
            throw new InvalidOperationException("the unit fails after its claim");
        }
        Assert.Throws<InvalidOperationException>(() => Unit.Run(ClaimThenFail));
        Assert.Equal("hello", Assert.Single(Outbox.Claim(10, TimeSpan.FromMinutes(1))).Payload);
    }

    [SkippableFact]
    public void Two_instances_share_the_queues_the_keys_and_the_hashing_secret()
    {
        var other = Open().Services;
        var protectedText = Get<Secrets>().Protect("5550001112223334445");
        Assert.Equal("5550001112223334445", other.GetRequiredService<Secrets>().Unprotect(protectedText));
        Assert.Equal(Get<Secrets>().Hash("partition", "u"), other.GetRequiredService<Secrets>().Hash("partition", "u"));

        Assert.True(Inbox.Enqueue(new NewQueueItem("k1", "u", "user_send_text", protectedText)));
        var otherInbox = other.GetRequiredService<IWorkQueues>().Inbox;
        Assert.False(otherInbox.Enqueue(new NewQueueItem("k1", "u", "user_send_text", protectedText)));
        var claimed = Assert.Single(otherInbox.Claim(5, TimeSpan.FromMinutes(1)));
        Assert.Empty(Inbox.Claim(5, TimeSpan.FromMinutes(1)));
        Assert.Equal("5550001112223334445", Get<Secrets>().Unprotect(claimed.Payload!));
    }

    [SkippableFact]
    public async Task Two_instances_share_the_dashboard_sessions_the_token_refresh_lock_and_the_outbound_budget()
    {
        var other = Open().Services;
        Get<IDashboardSessions>().Start("s1", Now.AddMinutes(30));
        Assert.True(other.GetRequiredService<IDashboardSessions>().IsActive("s1"));
        other.GetRequiredService<IDashboardSessions>().End("s1");
        Assert.False(Get<IDashboardSessions>().IsActive("s1"));

        await using (var held = await Get<ITokenPairStore>().LockForRefreshAsync(TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await other.GetRequiredService<ITokenPairStore>().LockForRefreshAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));
        }
        await using (var taken = await other.GetRequiredService<ITokenPairStore>().LockForRefreshAsync(TimeSpan.FromSeconds(5), CancellationToken.None))
            Assert.NotNull(taken);

        var minute = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc);
        var budgets = new[] { Get<IOutboundBudget>(), other.GetRequiredService<IOutboundBudget>() };
        var counts = new int[2];
        Parallel.For(0, 200, i => Interlocked.Add(ref counts[i % 2], budgets[i % 2].Take(minute, 3, 100)));
        Assert.Equal(100, counts.Sum());
        Assert.All(counts, n => Assert.True(n > 0));
    }

    [SkippableFact]
    public void A_stored_dashboard_session_is_a_hash_of_its_id()
    {
        Get<IDashboardSessions>().Start("0123456789abcdef", Now.AddMinutes(30));
        using var connection = new NpgsqlConnection(Settings["Storage:ConnectionString"]);
        connection.Open();
        using var read = new NpgsqlCommand("SELECT id FROM dashboard_sessions", connection);
        var stored = (string)read.ExecuteScalar()!;
        Assert.Equal(DashboardSession.KeyOf("0123456789abcdef"), stored);
        Assert.DoesNotContain("0123456789abcdef", stored, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Instances_starting_together_on_an_empty_database_create_the_schema_once()
    {
        using var fresh = new PostgresDatabase();
        var settings = SettingsOf(fresh);
        var stores = new PgStore[4];
        Parallel.For(0, stores.Length, i => stores[i] = new PgStore(Microsoft.Extensions.Options.Options.Create(
            new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = fresh.ConnectionString })));
        foreach (var store in stores)
            store.Dispose();

        using var connection = new NpgsqlConnection(fresh.ConnectionString);
        connection.Open();
        // One row per upgrade step, each applied once however many instances raced.
        using var versions = new NpgsqlCommand("SELECT count(*) FROM schema_version", connection);
        Assert.Equal((long)PgSchema.Version, versions.ExecuteScalar());
        Assert.NotNull(settings);
    }

    [SkippableFact]
    public void A_database_out_of_reach_stops_the_start_with_one_line()
    {
        Settings["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=3";
        var services = Open().Services;
        var e = Assert.Throws<StorageStartException>(() => services.GetRequiredService<IUnitOfWork>());
        Assert.StartsWith("The PostgreSQL database at 127.0.0.1:1/none cannot be used", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("Password", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void Postgres_without_a_connection_string_or_a_shared_hashing_secret_does_not_start()
    {
        Settings.Remove("Storage:ConnectionString");
        Assert.Contains("Storage:ConnectionString is required", Assert.Throws<StorageStartException>(() => Open()).Message);

        Settings["Storage:ConnectionString"] = "Host=127.0.0.1";
        Settings.Remove("Survey:RespondentKeySecret");
        Assert.Contains("Survey:RespondentKeySecret is required", Assert.Throws<StorageStartException>(() => Open()).Message);
    }
}
