using System.Net;
using System.Text.RegularExpressions;
using ZaloBot.Conversation;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;
using static ZaloBot.Tests.Dashboard.DashboardHost;

namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// One <see cref="DashboardHost"/> per test class, read and never changed by its tests: the
/// survey's three days as the stores hold them, and an admin session. At Xã Tân Lập (X07): 20
/// visitors and 12 answers on the 12th, 10 and 14 (three too fast) on the 13th, 2 answers and a
/// photo on the 14th with its visitors not yet reported. At Xã Tân An (X08): 15 and 8 on the 12th.
/// </summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    public static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private FakeZaloServer zalo = null!;

    public BotHost Bot { get; private set; } = null!;

    internal DashboardClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var clock = Clock();
        zalo = await FakeZaloServer.StartAsync();
        Bot = await DashboardHost.StartAsync(zalo, clock);
        var services = Bot.Services;
        DashboardSeed.Visitors(services, "X07", June12, 20);
        DashboardSeed.Visitors(services, "X07", June13, 10);
        DashboardSeed.Visitors(services, "X08", June12, 15);
        DashboardSeed.Responses(services, "X07", June12, 12);
        DashboardSeed.Responses(services, "X07", June13, 11);
        DashboardSeed.Responses(services, "X07", June13, 3, seconds: 40, QualityFlags.TooFast);
        DashboardSeed.Responses(services, "X07", June14, 2);
        DashboardSeed.Responses(services, "X08", June12, 8);
        Bot.Get<Roster>().ReplaceAll([new RosterEntry
        {
            CommuneCode = "X07", Name = "Nguyễn Văn An", Position = "chi hội trưởng",
            DutyDates = [June12.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), June14.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)],
        }]);
        Bot.Get<PhotoReports>().Add(new PhotoReport
        {
            CommuneCode = "X07", Date = June14.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Caption = "Bàn hướng dẫn",
            ContentType = "image/png", ReceivedAt = clock.GetUtcNow().UtcDateTime,
        }, Photo);
        Client = new DashboardClient(Bot.BaseUrl);
        await Client.SignInAsAdminAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await zalo.DisposeAsync();
    }
}

public abstract partial class SeededDashboardTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    protected static byte[] Photo => SeededDashboard.Photo;

    protected BotHost Bot => dashboard.Bot;

    internal DashboardClient Client => dashboard.Client;

    protected async Task<string> PageAsync(string path)
    {
        using var response = await Client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The text of each table row's cells, tags stripped, as a reader sees them.</summary>
    protected static List<string[]> Rows(string html) => RowsOf(html);

    /// <inheritdoc cref="Rows"/>
    internal static List<string[]> RowsOf(string html) =>
        RowPattern().Matches(html)
            .Select(row => CellPattern().Matches(row.Value).Select(c => WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, "")).Trim()).ToArray())
            .Where(cells => cells.Length > 0)
            .ToList();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
