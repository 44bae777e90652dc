using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// The real service in Live mode against the fake Zalo server, with a survey run on 12–14 June
/// 2024, the clock at 10:00 on 14 June (Vietnam) and a bootstrap admin password.
/// </summary>
internal static class DashboardHost
{
    public static readonly DateOnly June12 = new(2024, 6, 12);
    public static readonly DateOnly June13 = new(2024, 6, 13);
    public static readonly DateOnly June14 = new(2024, 6, 14);

    private static readonly string SurveyFile = DashboardSeed.SurveyFile(June12, June14);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2024, 6, 14, 3, 0, 0, TimeSpan.Zero));

    public static Task<BotHost> StartAsync(FakeZaloServer zalo, FakeTimeProvider clock) =>
        BotHost.StartAsync(
            zalo,
            new Dictionary<string, string?> { ["Survey:DefinitionPath"] = SurveyFile, ["Dashboard:AdminPassword"] = DashboardClient.AdminPassword },
            b => b.Services.AddSingleton<TimeProvider>(clock));
}

/// <summary>Tests that change what the service holds (codes, sessions): a fresh <see cref="DashboardHost"/> each.</summary>
public abstract class DashboardTests : BotTests, IDisposable
{
    protected FakeTimeProvider Clock { get; } = DashboardHost.Clock();

    internal DashboardClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        Bot = await DashboardHost.StartAsync(Zalo, Clock);
        Client = new DashboardClient(Bot.BaseUrl);
    }

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}
