using ZaloBot.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Webhook;

public sealed class RestartTests
{
    [Fact]
    public async Task Pending_inbox_and_outbox_items_left_by_a_stopped_service_are_completed_after_a_restart()
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        // Built but never started: the workers never ran, as after a crash right after the 200.
        await using var bot = await BotHost.StartAsync(zalo, start: false);
        var events = new[] { bot.TextEvent("1111111111111111111", "X07"), bot.TextEvent("2222222222222222222", "X08") };
        foreach (var body in events)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            Assert.True(bot.Get<Inbox>().Queue.Enqueue(bot.Get<Inbox>().ToItem(ZaloEvent.Parse(doc)!, System.Text.Encoding.UTF8.GetBytes(body))));
        }
        bot.Get<Outbox>().SendText("3333333333333333333", "tin chưa gửi");

        await bot.RestartAsync();
        await bot.IdleAsync();

        var recipients = zalo.CallsTo("/v3.0/oa/message/cs").Select(c => c.Json["recipient"]!["user_id"]!.GetValue<string>()).Order();
        Assert.Equal(["1111111111111111111", "2222222222222222222", "3333333333333333333"], recipients);
        Assert.All(bot.Get<Inbox>().Queue.All(), i => Assert.Equal(QueueStatus.Done, i.Status));
    }

    [Fact]
    public async Task A_message_that_failed_for_a_passing_reason_is_sent_after_a_restart()
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        await using var bot = await BotHost.StartAsync(zalo);
        bot.Get<ZaloClient>().TransientDelay = TimeSpan.FromMilliseconds(5);
        for (var i = 0; i < 3; i++)
            zalo.Enqueue("/v3.0/oa/message/cs", "down", status: 502);
        bot.Get<Outbox>().SendText("4444444444444444444", "Xin chào");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (bot.Get<Outbox>().Queue.All().Single().Attempts == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(QueueStatus.Pending, bot.Get<Outbox>().Queue.All().Single().Status);

        await bot.RestartAsync();
        await bot.IdleAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(QueueStatus.Done, bot.Get<Outbox>().Queue.All().Single().Status);
    }
}
