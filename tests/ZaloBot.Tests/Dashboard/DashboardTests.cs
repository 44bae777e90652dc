using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// The real service in Live mode against the fake Zalo server, with a survey run on 12–14 June
/// 2024, the clock at 10:00 on 14 June (Vietnam) and a bootstrap admin password.
/// </summary>
public abstract class DashboardTests : BotTests, IDisposable
{
    protected static readonly DateOnly June12 = new(2024, 6, 12);
    protected static readonly DateOnly June13 = new(2024, 6, 13);
    protected static readonly DateOnly June14 = new(2024, 6, 14);

    private static readonly string SurveyFile = DashboardSeed.SurveyFile(June12, June14);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 14, 3, 0, 0, TimeSpan.Zero));

    internal DashboardClient Client { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Survey:DefinitionPath"] = SurveyFile,
        ["Dashboard:AdminPassword"] = DashboardClient.AdminPassword,
    };

    public override async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        Bot = await BotHost.StartAsync(Zalo, Settings, b => b.Services.AddSingleton<TimeProvider>(Clock));
        Client = new DashboardClient(Bot.BaseUrl);
    }

    public void Dispose() => Client.Dispose();
}
