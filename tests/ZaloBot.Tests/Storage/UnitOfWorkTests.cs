using System.Net;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Storage;

/// <summary>One transaction per event: a failure after deciding and before committing leaves nothing half done (LiteDB; see <see cref="PostgresUnitOfWorkTests"/>).</summary>
public class UnitOfWorkTests : IAsyncLifetime
{
    private const string Citizen = "5550001112223330001";
    private readonly OutboxFault fault = new();
    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        zalo = await FakeZaloServer.StartAsync();
        bot = await BotHost.StartAsync(zalo, StorageSettings(), configure: fault.Install);
    }

    /// <summary>The storage the service runs on; none: the default LiteDB data file.</summary>
    protected virtual IDictionary<string, string?>? StorageSettings() => null;

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
    }

    private IReadOnlyList<string> Replies() =>
        zalo.TextsTo(Citizen);

    private async Task SayAsync(string text)
    {
        Assert.Equal(HttpStatusCode.OK, (await bot.SendTextAsync(Citizen, text)).StatusCode);
        await bot.IdleAsync();
    }

    [SkippableFact]
    public async Task An_answer_whose_reply_failed_to_queue_is_counted_once_when_the_event_is_retried()
    {
        await SayAsync("X07");
        Assert.Contains("Câu 1/", Replies()[^1]);

        fault.FailNextEnqueue();
        await SayAsync("2");

        Assert.Equal(1, fault.Thrown);
        var afterAnswer = Replies().Skip(1).ToList();
        var reply = Assert.Single(afterAnswer);
        Assert.Contains("Câu 2/", reply);
        var state = bot.Get<IConversationStore>().Load(Citizen)!;
        Assert.Equal(["25_49"], state.Answers["age"]);
        Assert.False(state.Answers.ContainsKey("sex"));
        var item = Assert.Single(bot.Get<ZaloBot.Webhook.Inbox>().Queue.All(), i => i.Attempts == 2);
        Assert.Equal(ZaloBot.Storage.QueueStatus.Done, item.Status);
    }

    [SkippableFact]
    public async Task A_submission_whose_confirmation_failed_to_queue_is_stored_once_and_the_conversation_is_gone()
    {
        await SayAsync("X07");
        foreach (var answer in ZaloBot.Tests.Survey.CitizenSurveyTests.FullRun[..^1])
            await SayAsync(answer);

        fault.FailNextEnqueue();
        await SayAsync(ZaloBot.Tests.Survey.CitizenSurveyTests.FullRun[^1]);

        Assert.Equal(1, fault.Thrown);
        var response = Assert.Single(bot.Get<IResponseStore>().Stream("PKS02_2024").ToList());
        Assert.Equal(["Tốt lắm 👍"], response.Answers["comment"]);
        Assert.Null(bot.Get<IConversationStore>().Load(Citizen));
        Assert.Equal(1, bot.Get<IResponseStore>().Count("PKS02_2024"));
        Assert.Contains("Cảm ơn", Replies()[^1], StringComparison.OrdinalIgnoreCase);
    }
}
