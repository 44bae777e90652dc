using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Operations;

/// <summary>A Zalo outage longer than a few minutes delays replies instead of losing them.</summary>
public sealed class OutboxRetryTests : IAsyncLifetime
{
    private const string SendPath = "/v3.0/oa/message/cs";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        zalo = await FakeZaloServer.StartAsync();
        bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Zalo:RetryFor"] = "00:30:00" },
            b => b.Services.AddSingleton<TimeProvider>(clock));
        bot.Get<ZaloClient>().TransientDelay = TimeSpan.Zero; // its wait runs on the fake clock
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
    }

    private IWorkQueue Outbox => bot.Get<Outbox>().Queue;

    private async Task<QueueItem> AfterAttemptAsync(long id, int attempts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Outbox.Find(id) is { } item && (item.Attempts >= attempts || item.Status != QueueStatus.Pending))
                return item;
            await Task.Delay(20);
        }
        throw new TimeoutException($"attempt {attempts} did not happen");
    }

    [Fact]
    public void Transient_failures_are_retried_for_twelve_hours_by_default() =>
        Assert.Equal(TimeSpan.FromHours(12), new ZaloOptions().RetryFor);

    [Fact]
    public async Task A_message_is_retried_past_the_sixth_failure_until_RetryFor_has_passed_and_then_kept_as_failed()
    {
        for (var i = 0; i < 200; i++)
            zalo.Enqueue(SendPath, """{"error":-32,"message":"Exceeded the limit"}""");
        bot.Get<Outbox>().SendText("user-1", "Xin chào");
        var id = Assert.Single(Outbox.All()).Id;

        var item = await AfterAttemptAsync(id, 1);
        for (var attempt = 2; attempt <= 7; attempt++)
        {
            Assert.Equal(QueueStatus.Pending, item.Status);
            clock.Advance(TimeSpan.FromMinutes(10));
            item = await AfterAttemptAsync(id, attempt);
        }
        Assert.Equal(QueueStatus.Pending, item.Status); // seven failures, 22 minutes: still within the 30

        for (var i = 0; i < 5 && item.Status == QueueStatus.Pending; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            item = await AfterAttemptAsync(id, item.Attempts + 1);
        }
        Assert.Equal(QueueStatus.Failed, item.Status);
        Assert.Equal(-32, item.Code);
        Assert.InRange(item.Attempts, 8, 9);
    }
}
