using System.Net;
using ZaloBot.Jobs;
using ZaloBot.Volunteers;
using static ZaloBot.Tests.Dashboard.DashboardHost;

namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// A visitor count that no desk could have (stored before counts were checked, or typed straight
/// into the data) never stops the digest, a page or an export: the figures are still shown and the
/// day is flagged for a check.
/// </summary>
public sealed class ImplausibleCountTests : DashboardTests
{
    private void StoreCount(string commune, DateOnly day, int visitors) =>
        Bot.Get<IVisitorCountStore>().Save(new VisitorCount
        {
            Id = VisitorCounts.IdOf(commune, day),
            CommuneCode = commune,
            Date = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Visitors = visitors,
        });

    private async Task<string> GetOkAsync(string path)
    {
        using var response = await Client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_count_of_two_billion_visitors_leaves_the_digest_pages_and_exports_working()
    {
        StoreCount("X07", June12, 2_000_000_000);
        StoreCount("X07", June13, 2_000_000_000);
        StoreCount("X08", June12, 2_000_000_000);
        DashboardSeed.Responses(Bot.Services, "X07", June12, 3);
        await Client.SignInAsAdminAsync();

        var digest = Bot.Get<DigestReport>().Compose(June13);
        Assert.Contains("2000000000", digest.Text.Replace(".", "").Replace(",", ""));

        await GetOkAsync("/dashboard/");
        await GetOkAsync("/dashboard/charts/overview.png");
        await GetOkAsync("/dashboard/communes/X07");
        await GetOkAsync("/dashboard/charts/communes/X07.png");
        var csv = await GetOkAsync("/dashboard/exports/qcdc.csv?from=2024-06-12&to=2024-06-14");
        Assert.Contains("2000000000", csv);
        await GetOkAsync("/dashboard/exports/all.xlsx");
        await GetOkAsync("/dashboard/api/daily?from=2024-06-12&to=2024-06-14");

        var quality = await GetOkAsync("/dashboard/quality");
        Assert.Contains("Số lượt đến cần kiểm tra lại", quality);
    }

    [Fact]
    public async Task A_negative_stored_count_is_flagged_for_a_check_and_breaks_nothing()
    {
        StoreCount("X07", June12, -5);
        await Client.SignInAsAdminAsync();

        _ = Bot.Get<DigestReport>().Compose(June12);
        await GetOkAsync("/dashboard/");
        await GetOkAsync("/dashboard/communes/X07");
        await GetOkAsync("/dashboard/exports/all.xlsx");
        var quality = await GetOkAsync("/dashboard/quality");
        Assert.Contains("Số lượt đến cần kiểm tra lại", quality);
    }
}
