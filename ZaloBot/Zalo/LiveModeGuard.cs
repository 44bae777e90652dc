using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo;

/// <summary>Remembers that the data has served a real OA.</summary>
public interface IModeHistoryStore
{
    /// <summary>When the service first started in Live mode on this data; null when it never has.</summary>
    DateTime? LiveSince();

    /// <summary>Records a Live start; the first one is kept.</summary>
    void MarkLive(DateTime at);
}

/// <summary>
/// Data that has ever held real citizens' messages never opens in sandbox mode, whose pages show
/// every message to whoever can reach them: a lost <c>Zalo__Mode=Live</c> stops the start instead.
/// </summary>
public sealed class LiveModeGuard(IModeHistoryStore history, IOptions<ZaloOptions> options, TimeProvider clock) : IHostedService
{
    public void Check()
    {
        if (options.Value.Mode == ZaloMode.Live)
        {
            if (history.LiveSince() is null)
                history.MarkLive(clock.GetUtcNow().UtcDateTime);
        }
        else if (history.LiveSince() is { } since)
        {
            throw new StartupConfigurationException(
                $"this data has run in Live mode (since {since:yyyy-MM-dd} UTC) and will not open in {options.Value.Mode} mode; set Zalo:Mode=Live, or give the sandbox a data file of its own.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Check();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
