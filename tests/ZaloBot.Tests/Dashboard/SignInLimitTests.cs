using System.Net;
using System.Text.RegularExpressions;
using ZaloBot.Dashboard;

namespace ZaloBot.Tests.Dashboard;

/// <summary>Guessing at the sign-in page: failures and code requests counted per login and per address, the forms rate-limited.</summary>
public sealed partial class SignInLimitTests : DashboardTests
{
    private const string OfficialId = "8100000000000000001";

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    /// <summary>Asks for a code on the sign-in page and reads it out of the bot's latest message.</summary>
    private async Task<string> CodeAsync(string login)
    {
        using var asked = await Client.RequestCodeAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await Bot.IdleAsync();
        return SixDigits().Match(RepliesTo(OfficialId)[^1]).Value;
    }

    private async Task<HttpStatusCode> EnterAsync(string login, string code, DashboardClient? client = null)
    {
        using var response = await (client ?? Client).EnterCodeAsync(login, code);
        return response.StatusCode;
    }

    [Fact]
    public async Task Eight_wrong_codes_across_two_codes_make_the_login_wait_and_each_further_one_doubles_the_wait()
    {
        var login = DashboardSeed.Official(Bot.Services, OfficialId);
        var first = await CodeAsync(login);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await EnterAsync(login, Wrong(first)));
        Clock.Advance(SignInCodes.Cooldown);
        var second = await CodeAsync(login);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await EnterAsync(login, Wrong(second)));

        using var locked = await Client.EnterCodeAsync(login, second);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Xin chờ 1 phút rồi thử lại.", await locked.Content.ReadAsStringAsync());

        Clock.Advance(SignInLimits.FirstWait);
        Assert.Equal(HttpStatusCode.Unauthorized, await EnterAsync(login, Wrong(second)));
        Clock.Advance(SignInLimits.FirstWait);
        Assert.Equal(HttpStatusCode.TooManyRequests, await EnterAsync(login, second));
        Clock.Advance(SignInLimits.FirstWait);
        Assert.Equal(HttpStatusCode.Redirect, await EnterAsync(login, second));
    }

    [Fact]
    public async Task Fifteen_failures_from_one_address_make_every_login_from_it_wait_but_not_another_address()
    {
        for (var i = 0; i < SignInLimits.FreeFailuresPerAddress; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await EnterAsync($"cbq{i:D2}", "000000"));

        using var elsewhere = new DashboardClient(Bot.BaseUrl);
        elsewhere.PostHeaders["X-Forwarded-For"] = "203.0.113.7";
        Assert.Equal(HttpStatusCode.TooManyRequests, await EnterAsync("cbzz", "000000"));
        Assert.Equal(HttpStatusCode.Unauthorized, await EnterAsync("cbzz", "000000", elsewhere));
    }

    [Fact]
    public async Task Asking_for_codes_is_limited_per_login_and_per_address()
    {
        var login = DashboardSeed.Official(Bot.Services, OfficialId);
        for (var i = 0; i < SignInLimits.CodesPerLogin; i++)
        {
            await CodeAsync(login);
            Clock.Advance(SignInCodes.Cooldown);
        }
        using var sixth = await Client.RequestCodeAsync(login);
        await Bot.IdleAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains(SignInTexts.TooManyCodes, await sixth.Content.ReadAsStringAsync());
        Assert.Equal(SignInLimits.CodesPerLogin, RepliesTo(OfficialId).Count);

        for (var i = SignInLimits.CodesPerLogin; i < SignInLimits.CodesPerAddress; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await Client.RequestCodeAsync($"cbq{i:D2}")).StatusCode);
        using var elsewhere = new DashboardClient(Bot.BaseUrl);
        elsewhere.PostHeaders["X-Forwarded-For"] = "203.0.113.7";
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client.RequestCodeAsync("cbzz")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.RequestCodeAsync("cbzz")).StatusCode);
    }

    [Fact]
    public async Task More_sign_in_posts_a_minute_than_allowed_from_one_address_are_turned_away_before_any_check()
    {
        for (var i = 0; i < DashboardSetup.SignInPostsPerAddressPerMinute; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync("/dashboard/signin/admin", ("password", "x"))).StatusCode);

        using var refused = await Client.PostAsync("/dashboard/signin/admin", ("password", "x"));
        using var elsewhere = new DashboardClient(Bot.BaseUrl);
        elsewhere.PostHeaders["X-Forwarded-For"] = "203.0.113.7";
        using var other = await elsewhere.PostAsync("/dashboard/signin/admin", ("password", "x"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(SignInTexts.TooManyRequests, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Eight_wrong_admin_passwords_make_even_the_right_one_wait()
    {
        for (var i = 0; i < SignInLimits.FreeFailuresPerLogin; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SubmitAdminPasswordAsync("mat-khau-sai-" + i)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client.SubmitAdminPasswordAsync(DashboardClient.AdminPassword)).StatusCode);
        Clock.Advance(SignInLimits.FirstWait);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.SubmitAdminPasswordAsync(DashboardClient.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_admin_password_shows_its_error_inside_the_admin_form_which_stays_open()
    {
        using var wrong = await Client.SubmitAdminPasswordAsync("mat-khau-sai-0000");
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var admin = html[html.IndexOf("<details", StringComparison.Ordinal)..html.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.StartsWith("""<details class="card" open>""", admin);
        Assert.Contains(SignInTexts.WrongPassword, admin);
        Assert.DoesNotContain(SignInTexts.WrongPassword, html[..html.IndexOf("<details", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task While_a_password_check_runs_another_admin_sign_in_is_turned_away_with_429()
    {
        var checks = Bot.Get<PasswordChecks>();
        var entered = new TaskCompletionSource();
        using var release = new ManualResetEventSlim();
        var holding = Task.Run(() => checks.RunAsync(() =>
        {
            entered.SetResult();
            return release.Wait(TimeSpan.FromSeconds(30));
        }, CancellationToken.None));
        await entered.Task;

        using var busy = await Client.SubmitAdminPasswordAsync(DashboardClient.AdminPassword);
        release.Set();
        await holding;
        using var afterwards = await Client.SubmitAdminPasswordAsync(DashboardClient.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Contains(SignInTexts.Busy, await busy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

public sealed class LoginNameTests
{
    [Fact]
    public void A_login_name_is_cb_and_four_random_characters_that_do_not_read_alike()
    {
        var names = Enumerable.Range(0, 500).Select(_ => LoginNames.New()).ToList();

        Assert.All(names, n => Assert.Matches("^cb[a-hjkmnp-z2-9]{4}$", n));
        Assert.True(names.Distinct().Count() > 490, "names repeat: they are not random");
    }
}
