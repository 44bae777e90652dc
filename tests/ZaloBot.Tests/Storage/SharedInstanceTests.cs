using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Tests.Dashboard;
using ZaloBot.Tests.Support;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// What two instances on one PostgreSQL database must do together: refresh the token once, keep to
/// one outbound limit, and honour each other's dashboard sessions and sign-in codes.
/// </summary>
[Trait("Category", "Postgres")]
public sealed partial class SharedInstanceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly List<BotHost> hosts = [];
    private FakeZaloServer zalo = null!;

    public async Task InitializeAsync()
    {
        database.Reset();
        zalo = await FakeZaloServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
            await host.DisposeAsync();
        await zalo.DisposeAsync();
    }

    private async Task<(BotHost First, BotHost Second)> StartTwoAsync(Dictionary<string, string?>? extra = null, Action<WebApplicationBuilder>? configure = null)
    {
        var settings = PostgresStoreContract.SettingsOf(database);
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        for (var i = 0; i < 2; i++)
            hosts.Add(await BotHost.StartAsync(zalo, settings, configure));
        return (hosts[0], hosts[1]);
    }

    [SkippableFact]
    public async Task Two_instances_hitting_an_invalid_token_together_refresh_it_once_and_both_send_with_the_new_one()
    {
        var (first, second) = await StartTwoAsync();
        zalo.ValidTokens.Clear();
        zalo.InvalidTokenCallsTogether = 2; // both learn at the same moment that access-1 is invalid
        zalo.TokenAnswerDelay = TimeSpan.FromSeconds(1); // and the first refresh is still running when the second would start

        var results = await Task.WhenAll(
            first.Get<ZaloClient>().SendTextAsync("5550001112223330001", "một", CancellationToken.None),
            second.Get<ZaloClient>().SendTextAsync("5550001112223330002", "hai", CancellationToken.None));

        Assert.All(results, r => Assert.Equal(ZaloOutcome.Sent, r.Outcome));
        var refresh = Assert.Single(zalo.CallsTo("/v4/oa/access_token"));
        Assert.Equal("refresh-1", refresh.Form["refresh_token"]);
        var sends = zalo.CallsTo("/v3.0/oa/message/cs").Select(c => c.Headers["access_token"]).ToList();
        Assert.Equal(["access-1", "access-1", "access-new-1", "access-new-1"], sends.Order());
        Assert.All([first, second], host => Assert.Equal(("access-new-1", "refresh-new-1"), (host.Get<TokenStore>().Current().AccessToken, host.Get<TokenStore>().Current().RefreshToken)));
    }

    [SkippableFact]
    public async Task Two_instances_sending_together_stay_within_one_limit_per_minute()
    {
        const int Limit = 30;
        const int PerInstance = 30;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        zalo.Clock = clock.GetUtcNow;
        var (first, second) = await StartTwoAsync(
            new() { ["Zalo:MaxRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            b => b.Services.AddSingleton<TimeProvider>(clock));
        BotHost[] instances = [first, second];

        var sends = Enumerable.Range(0, 2 * PerInstance)
            .Select(i => instances[i % 2].Get<ZaloClient>().SendTextAsync($"55500011122233{i:D5}", "tin " + i, CancellationToken.None))
            .ToList();
        var all = Task.WhenAll(sends);
        int Waiting() => instances.Sum(host => host.Get<OutboundLimit>().WaitingForNextMinute);
        int Received() => zalo.CallsTo("/v3.0/oa/message/cs").Count;

        // The clock moves to the next minute only once every call has gone out or waits for that minute.
        while (!all.IsCompleted)
        {
            await Poll.UntilAsync(() => all.IsCompleted || sends.Count(t => t.IsCompleted) + Waiting() == sends.Count, "every call to be sent or to wait for the next minute");
            if (all.IsCompleted)
                break;
            var before = Received();
            clock.Advance(TimeSpan.FromMinutes(1));
            await Poll.UntilAsync(() => Received() > before, "a call in the new minute");
        }

        Assert.All(await all, r => Assert.Equal(ZaloOutcome.Sent, r.Outcome));
        var perMinute = zalo.CallsTo("/v3.0/oa/message/cs")
            .GroupBy(c => c.At.UtcTicks / TimeSpan.TicksPerMinute)
            .OrderBy(g => g.Key)
            .Select(g => g.Count())
            .ToList();
        Assert.Equal(2 * PerInstance, perMinute.Sum());
        Assert.Equal(Limit, perMinute[0]); // the first minute's budget is used whole, by both instances
        Assert.All(perMinute, count => Assert.InRange(count, 1, Limit));
    }

    [SkippableFact]
    public async Task A_dashboard_session_started_on_one_instance_works_on_the_other_and_signing_out_there_ends_it_on_both()
    {
        var (first, second) = await StartTwoAsync(new() { ["Dashboard:AdminPassword"] = DashboardClient.AdminPassword });
        using var onFirst = new DashboardClient(first.BaseUrl);
        await onFirst.SignInAsAdminAsync();
        var cookie = onFirst.Cookies.GetCookies(new Uri(first.BaseUrl + "/dashboard"))["pks02.session"]!;
        using var onSecond = new DashboardClient(second.BaseUrl);
        onSecond.Cookies.Add(new Uri(second.BaseUrl), new Cookie(cookie.Name, cookie.Value, "/dashboard"));

        using (var page = await onSecond.Http.GetAsync("/dashboard/quality"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var signedOut = await onSecond.SubmitAsync("/dashboard/quality", "/dashboard/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var afterwards = await onFirst.Http.GetAsync("/dashboard/quality");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/dashboard/signin", afterwards.Headers.Location!.AbsolutePath);
    }

    [SkippableFact]
    public async Task A_sign_in_code_asked_for_on_one_instance_signs_in_on_the_other()
    {
        const string OfficialId = "8100000000000000077";
        var (first, second) = await StartTwoAsync();
        var login = DashboardSeed.Official(first.Services, OfficialId);
        using var onFirst = new DashboardClient(first.BaseUrl);
        using (var asked = await onFirst.RequestCodeAsync(login))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await first.IdleAsync();
        await second.IdleAsync();
        // (in the evening, Vietnam time, an official also gets the day's digest: the code is the message that says so)
        var code = SixDigits().Match(Assert.Single(zalo.TextsTo(OfficialId), t => t.Contains("Mã đăng nhập", StringComparison.Ordinal))).Value;

        using var onSecond = new DashboardClient(second.BaseUrl);
        using var signedIn = await onSecond.EnterCodeAsync(login, code, returnUrl: "/dashboard/quality");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/quality", signedIn.Headers.Location!.OriginalString);
        using var page = await onSecond.Http.GetAsync("/dashboard/quality");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
