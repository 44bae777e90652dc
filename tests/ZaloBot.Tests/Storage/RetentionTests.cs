using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Storage;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Storage;

/// <summary>The janitor deletes what is past its window, in batches, and keeps what an operator still needs.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        zalo = await FakeZaloServer.StartAsync();
        bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Storage:CleanupEvery"] = "1.00:00:00" },
            b => b.Services.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
    }

    [Fact]
    public async Task Handled_events_sent_messages_old_charts_and_abandoned_surveys_go_failed_messages_stay()
    {
        await bot.SendTextAsync("5550001112223330101", "X07");
        await bot.SendTextAsync("5550001112223330102", "X08");
        await bot.IdleAsync();
        var outbox = bot.Get<Outbox>().Queue;
        outbox.Enqueue(new NewQueueItem(null, "p-failed", "UserText", "payload"));
        var stuck = outbox.All().Single(i => i.Partition == "p-failed");
        outbox.Fail(stuck, "refused", -213);
        bot.Get<IBlobStore>().Put("charts/old", "old.png", [1, 2, 3]);

        clock.Advance(TimeSpan.FromDays(6));
        bot.Get<Janitor>().CleanUp();
        Assert.Equal(2, bot.Get<Inbox>().Queue.All().Count);
        Assert.Equal(3, outbox.All().Count);
        Assert.NotNull(bot.Get<IBlobStore>().Get("charts/old"));

        clock.Advance(TimeSpan.FromDays(25));
        bot.Get<Janitor>().CleanUp();

        Assert.Empty(bot.Get<Inbox>().Queue.All());
        Assert.Equal([stuck.Id], outbox.All().Select(i => i.Id));
        Assert.Null(bot.Get<IBlobStore>().Get("charts/old"));
        Assert.Null(bot.Get<IConversationStore>().Load("5550001112223330101"));
    }

    [Fact]
    public async Task A_handled_event_is_remembered_through_the_dedupe_window()
    {
        var body = bot.TextEvent("5550001112223330103", "X07");
        await bot.PostEventAsync(body);
        await bot.IdleAsync();

        clock.Advance(TimeSpan.FromDays(6));
        bot.Get<Janitor>().CleanUp();
        Assert.Single(bot.Get<Inbox>().Queue.All());
        Assert.Contains("duplicate", await (await bot.PostEventAsync(body)).Content.ReadAsStringAsync());
    }
}
