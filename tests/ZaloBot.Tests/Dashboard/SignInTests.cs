using System.Net;
using System.Text.RegularExpressions;
using ZaloBot.Dashboard;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Dashboard;

public sealed partial class SignInTests : DashboardTests
{
    private const string OfficialId = "8100000000000000001";

    /// <summary>Registers the official, asks for a code on the sign-in page and reads it out of the bot's message.</summary>
    private async Task<(string Login, string Code)> CodeSentToOfficialAsync()
    {
        var login = DashboardSeed.Official(Bot.Services, OfficialId);
        using var asked = await Client.RequestCodeAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await Bot.IdleAsync();
        var message = Assert.Single(RepliesTo(OfficialId));
        Assert.Contains("Mã đăng nhập", message);
        return (login, SixDigits().Match(message).Value);
    }

    [Fact]
    public async Task Without_a_session_a_page_redirects_to_sign_in_remembering_it_and_a_file_or_data_is_401()
    {
        foreach (var page in new[] { "/dashboard", "/dashboard/communes/X07", "/dashboard/quality", "/dashboard/exports", "/dashboard/qr", "/dashboard/survey" })
        {
            using var response = await Client.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, page);
            Assert.Equal("/dashboard/signin", response.Headers.Location!.AbsolutePath);
            Assert.Equal("?returnUrl=" + Uri.EscapeDataString(page), response.Headers.Location.Query);
        }

        foreach (var file in new[] { "/dashboard/exports/qcdc.csv", "/dashboard/exports/all.xlsx", "/dashboard/api/daily", "/dashboard/qr/X07.png", "/dashboard/charts/overview.png" })
        {
            using var response = await Client.Http.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, file);
        }
    }

    [Fact]
    public async Task An_official_receives_a_code_in_Zalo_and_signs_in_with_it_back_to_the_page_asked_for()
    {
        var (login, code) = await CodeSentToOfficialAsync();

        using var signedIn = await Client.EnterCodeAsync(login, code, returnUrl: "/dashboard/quality");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/quality", signedIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pks02.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync("/dashboard/quality")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_login_and_a_commune_volunteer_get_the_same_answer_as_an_official_and_no_code()
    {
        var official = DashboardSeed.Official(Bot.Services, OfficialId);
        var volunteer = Bot.Get<IStaffStore>().Register("8100000000000000002", StaffRole.Commune, "X07", DateTime.UtcNow).LoginName;

        var pages = new List<string>();
        foreach (var login in new[] { official, volunteer, "cb99" })
        {
            using var asked = await Client.RequestCodeAsync(login);
            var page = await Client.Http.GetStringAsync(asked.Headers.Location!.OriginalString);
            pages.Add(Regex.Replace(page, "value=\"[^\"]*\"", "").Replace(login, "LOGIN"));
        }
        await Bot.IdleAsync();

        Assert.Single(pages.Distinct());
        Assert.Single(RepliesTo(OfficialId));
        Assert.Empty(RepliesTo("8100000000000000002"));
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var (login, code) = await CodeSentToOfficialAsync();

        using var first = await Client.EnterCodeAsync(login, code);
        using var other = new DashboardClient(Bot.BaseUrl);
        using var second = await other.EnterCodeAsync(login, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("Mã không đúng hoặc đã hết hạn", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_code_expires_after_ten_minutes()
    {
        var (login, code) = await CodeSentToOfficialAsync();

        Clock.Advance(SignInCodes.Lifetime);
        using var late = await Client.EnterCodeAsync(login, code);

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_use_the_code_up()
    {
        var (login, code) = await CodeSentToOfficialAsync();
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < SignInCodes.MaxAttempts; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.EnterCodeAsync(login, wrong)).StatusCode);
        using var right = await Client.EnterCodeAsync(login, code);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task Asking_again_within_a_minute_sends_no_second_code()
    {
        var login = DashboardSeed.Official(Bot.Services, OfficialId);

        await Client.RequestCodeAsync(login);
        await Client.RequestCodeAsync(login);
        await Bot.IdleAsync();
        Assert.Single(RepliesTo(OfficialId));

        Clock.Advance(SignInCodes.Cooldown);
        await Client.RequestCodeAsync(login);
        await Bot.IdleAsync();
        Assert.Equal(2, RepliesTo(OfficialId).Count);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var login = DashboardSeed.Official(Bot.Services, OfficialId);

        using var response = await Client.PostAsync("/dashboard/signin/admin", ("password", DashboardClient.AdminPassword));
        using var asked = await Client.PostAsync("/dashboard/signin", ("login", login));
        await Bot.IdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Empty(RepliesTo(OfficialId));
    }

    [Fact]
    public async Task The_admin_password_signs_in_and_a_wrong_one_does_not()
    {
        using var wrong = await Client.SubmitAdminPasswordAsync("mat-khau-sai-0000");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        await Client.SignInAsAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task After_sign_in_a_return_address_outside_the_dashboard_is_ignored()
    {
        using var response = await Client.SubmitAdminPasswordAsync(DashboardClient.AdminPassword, returnUrl: "https://example.com/dashboard");

        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_session_ends_after_the_configured_idle_time_and_signing_out_ends_it_at_once()
    {
        await Client.SignInAsAdminAsync();

        Clock.Advance(TimeSpan.FromMinutes(479));
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync("/dashboard/quality")).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(481));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.Http.GetAsync("/dashboard/quality")).StatusCode);

        await Client.SignInAsAdminAsync();
        using var signedOut = await Client.SubmitAsync("/dashboard/quality", "/dashboard/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.Http.GetAsync("/dashboard/quality")).StatusCode);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
