using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Operations;

/// <summary>/healthz says when a queue falls behind, not only whether the workers were started.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly StalledOutbox stalled = new();
    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        zalo = await FakeZaloServer.StartAsync();
        bot = await BotHost.StartAsync(zalo, configure: b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            stalled.Install(b);
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> HealthAsync()
    {
        using var response = await bot.Http.GetAsync("/healthz");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The workers set themselves running just after the host has started.</summary>
    private async Task ReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await HealthAsync()) is { Status: not HttpStatusCode.OK } answer)
        {
            Assert.Equal("starting", answer.Body["status"]!.GetValue<string>());
            Assert.True(DateTime.UtcNow < deadline, "the workers did not start");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_queue_whose_oldest_due_item_waits_past_the_limit_makes_health_503_with_the_reason()
    {
        await ReadyAsync();

        stalled.Stall = true;
        bot.Get<Outbox>().SendText("user-1", "Xin chào");
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);

        clock.Advance(TimeSpan.FromMinutes(2));
        var (status, body) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("the outbox's oldest due item has waited 180 s (at most 120 s); its worker last made progress 180 s ago", body["reason"]!.GetValue<string>());

        stalled.Stall = false;
        await bot.IdleAsync();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);
    }

    [Fact]
    public async Task Work_arriving_after_hours_of_idleness_is_healthy_while_it_is_young()
    {
        await ReadyAsync();
        clock.Advance(TimeSpan.FromHours(3));
        stalled.Stall = true;
        bot.Get<Outbox>().SendText("user-1", "Xin chào");

        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);
    }

    [Fact]
    public async Task Nothing_due_is_healthy_however_long_the_workers_were_idle()
    {
        await ReadyAsync();
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);
    }

    /// <summary>An outbox whose claims find nothing while stalled: a worker stuck the way a hung send would leave it.</summary>
    private sealed class StalledOutbox
    {
        public volatile bool Stall;

        public void Install(WebApplicationBuilder builder) => OutboxDecorator.Install(builder, outbox => new Queue(outbox, this));

        private sealed class Queue(IWorkQueue inner, StalledOutbox owner) : OutboxDecorator(inner)
        {
            public override IReadOnlyList<QueueItem> Claim(int max, TimeSpan lease) => owner.Stall ? [] : base.Claim(max, lease);

            public override Task WaitAsync(TimeSpan timeout, CancellationToken ct) => owner.Stall ? Task.Delay(20, ct) : base.WaitAsync(timeout, ct);
        }
    }
}
