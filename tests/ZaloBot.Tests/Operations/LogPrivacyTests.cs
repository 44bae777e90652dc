using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZaloBot.Tests.Support;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Operations;

/// <summary>What the workers log names the kind and a short hash of the user, never the Zalo id or the text.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The log capture holds nothing to release; the bot and fake Zalo are disposed in DisposeAsync.")]
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private const string Citizen = "6600000000000000042";
    private readonly Lines lines = new();
    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        zalo = await FakeZaloServer.StartAsync();
        bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            b => b.Logging.AddProvider(lines));
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
    }

    [Fact]
    public async Task A_failed_send_is_logged_with_its_kind_and_a_short_hash_of_the_user()
    {
        zalo.Enqueue("/v3.0/oa/message/cs", """{"error":-213,"message":"User has not interacted with the OA"}""");
        bot.Get<Outbox>().SendText(Citizen, "Cảm ơn ông/bà");
        await bot.IdleAsync();

        var failure = Assert.Single(lines.All, l => l.Contains("failed after", StringComparison.Ordinal));
        Assert.Matches(@"^UserText #\d+ \([0-9A-Za-z_\-+/=]{8}\) failed after 1 attempt", failure);
        Assert.DoesNotContain(lines.All, l => l.Contains(Citizen, StringComparison.Ordinal) || l.Contains("Cảm ơn", StringComparison.Ordinal));
        Assert.Contains(lines.All, l => l.StartsWith("The outbox worker runs", StringComparison.Ordinal));
    }

    private sealed class Lines : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> All { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            All.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
