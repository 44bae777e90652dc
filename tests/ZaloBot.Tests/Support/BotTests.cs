namespace ZaloBot.Tests.Support;

/// <summary>A test class that drives the real service, started fresh for each test, against a fake Zalo server.</summary>
public abstract class BotTests : IAsyncLifetime
{
    protected FakeZaloServer Zalo { get; set; } = null!;

    protected BotHost Bot { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        Bot = await BotHost.StartAsync(Zalo);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Zalo.DisposeAsync();
    }

    /// <summary>The texts the bot sent to one user, in order.</summary>
    protected IReadOnlyList<string> RepliesTo(string userId) =>
        Zalo.TextsTo(userId);
}
