using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Tests.Webhook;

public sealed class InboxRetryTests
{
    [Fact]
    public async Task A_failing_event_is_retried_with_backoff_then_kept_as_failed_and_later_events_of_that_user_wait_for_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T03:00:00Z", CultureInfo.InvariantCulture));
        await using var zalo = await FakeZaloServer.StartAsync();
        await using var bot = await BotHost.StartAsync(zalo, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var queue = bot.Get<Inbox>().Queue;
        // A payload that cannot be read back fails on every attempt.
        queue.Enqueue(new NewQueueItem("k1", "user-a", "user_send_text", "not a protected payload"));
        queue.Enqueue(new NewQueueItem("k2", "user-a", "user_send_text", "also unreadable"));

        await WaitForAsync(() => queue.Find(1)!.Attempts == 1);
        var first = queue.Find(1)!;
        Assert.Equal(QueueStatus.Pending, first.Status);
        Assert.Contains("CryptographicException", first.Result);
        Assert.Equal(0, queue.Find(2)!.Attempts);

        for (var attempt = 2; attempt <= 6; attempt++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await WaitForAsync(() => queue.Find(1)!.Attempts == attempt);
        }
        var dead = queue.Find(1)!;
        Assert.Equal(QueueStatus.Failed, dead.Status);
        Assert.NotNull(dead.Payload);
        await WaitForAsync(() => queue.Find(2)!.Attempts == 1);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the inbox worker did not get there in time");
            await Task.Delay(20);
        }
    }
}
