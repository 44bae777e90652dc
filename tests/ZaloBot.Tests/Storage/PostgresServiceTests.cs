using System.Net;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Tests.Storage;

/// <summary>The same failures injected into the service running on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresUnitOfWorkTests(PostgresDatabase database) : UnitOfWorkTests, IClassFixture<PostgresDatabase>
{
    protected override IDictionary<string, string?>? StorageSettings()
    {
        database.Reset();
        return PostgresStoreContract.SettingsOf(database);
    }
}

/// <summary>Two instances of the service on one PostgreSQL database, as behind a load balancer.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresServiceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Citizen = "5550001112223339991";
    private FakeZaloServer zalo = null!;
    private BotHost first = null!;
    private BotHost second = null!;

    public async Task InitializeAsync()
    {
        database.Reset();
        zalo = await FakeZaloServer.StartAsync();
        var settings = PostgresStoreContract.SettingsOf(database);
        first = await BotHost.StartAsync(zalo, settings);
        second = await BotHost.StartAsync(zalo, settings);
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await zalo.DisposeAsync();
    }

    private IReadOnlyList<string> Replies() =>
        zalo.TextsTo(Citizen);

    [SkippableFact]
    public async Task A_citizen_whose_messages_reach_either_instance_completes_the_survey_once()
    {
        string[] messages = ["X07", .. ZaloBot.Tests.Survey.CitizenSurveyTests.FullRun];
        for (var i = 0; i < messages.Length; i++)
        {
            var instance = i % 2 == 0 ? first : second;
            var msgId = instance.NextMsgId();
            Assert.Equal(HttpStatusCode.OK, (await instance.SendTextAsync(Citizen, messages[i], msgId)).StatusCode);
            // Zalo delivers the same event again, this time to the other instance: it is recognised.
            Assert.Equal(HttpStatusCode.OK, (await (instance == first ? second : first).SendTextAsync(Citizen, messages[i], msgId)).StatusCode);
            await first.IdleAsync();
            await second.IdleAsync();
        }

        var response = Assert.Single(first.Get<IResponseStore>().Stream("PKS02_2024").ToList());
        Assert.Equal(["dat_dai", "ho_tich"], response.Answers["field"]);
        Assert.Equal(["Tốt lắm 👍"], response.Answers["comment"]);
        Assert.Equal(1, second.Get<IResponseStore>().Count("PKS02_2024"));
        Assert.Null(second.Get<IConversationStore>().Load(Citizen));
        Assert.Equal(messages.Length, first.Get<Inbox>().Queue.All().Count);
        Assert.Equal(messages.Length, Replies().Count);
        Assert.Contains("Câu 1/", Replies()[0]);
        Assert.Contains("Cảm ơn", Replies()[^1], StringComparison.OrdinalIgnoreCase);
    }
}
