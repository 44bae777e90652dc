using System.Net;
using System.Text.RegularExpressions;
using ZaloBot.Volunteers;
using static ZaloBot.Tests.Dashboard.DashboardHost;

namespace ZaloBot.Tests.Dashboard;

public sealed partial class StaffPageTests : DashboardTests
{
    private const string VolunteerId = "7200000000000000001";
    private const string SecondVolunteerId = "7200000000000000002";
    private const string OfficialId = "8200000000000000001";

    private IStaffStore Staff => Bot.Get<IStaffStore>();

    private StaffMember Volunteer(string userId = VolunteerId, string commune = "X07") =>
        Staff.Register(userId, StaffRole.Commune, commune, DateTime.UtcNow);

    private async Task<string> PageAsync(string path = "/dashboard/staff")
    {
        using var response = await Client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Without_a_session_the_staff_page_redirects_to_sign_in()
    {
        using var response = await Client.Http.GetAsync("/dashboard/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Communes_with_nobody_registered_come_first_and_each_person_shows_registration_and_last_report()
    {
        var volunteer = Volunteer();
        var official = DashboardSeed.Official(Bot.Services, OfficialId);
        Bot.Get<VisitorCounts>().Report("X07", June14, 12, volunteer.Key, new DateTime(2024, 6, 14, 2, 30, 0, DateTimeKind.Utc));
        await Client.SignInAsAdminAsync();

        var html = await PageAsync();

        var sections = SectionIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("HUYEN", sections[0]);
        Assert.Equal("X07", sections[^1]);
        Assert.Equal(1 + 25, sections.Count);
        Assert.Contains("Chưa có ai đăng ký ở 24 xã, thị trấn", html);
        Assert.Contains($"<code>{official}</code>", html);
        Assert.DoesNotContain(volunteer.LoginName, html);
        Assert.Contains("14/06/2024 09:30", html);
    }

    [Fact]
    public async Task A_volunteer_disabled_on_the_page_is_told_so_and_reports_nothing_until_enabled_again()
    {
        var volunteer = Volunteer();
        await Client.SignInAsAdminAsync();

        using (var disabled = await Client.SubmitAsync("/dashboard/staff", $"/dashboard/staff/members/{volunteer.Key}/disabled", ("disabled", "true")))
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await Bot.SendTextAsync(VolunteerId, "LUOT 35");
        await Bot.IdleAsync();

        Assert.True(Staff.Find(VolunteerId)!.Disabled);
        Assert.Null(Bot.Get<VisitorCounts>().Find("X07", June14));
        Assert.Equal(StaffTexts.Disabled, RepliesTo(VolunteerId)[^1]);
        Assert.Contains("Tạm ngừng", await PageAsync());

        using (var enabled = await Client.SubmitAsync("/dashboard/staff", $"/dashboard/staff/members/{volunteer.Key}/disabled", ("disabled", "false")))
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        await Bot.SendTextAsync(VolunteerId, "LUOT 35");
        await Bot.IdleAsync();
        Assert.Equal(35, Bot.Get<VisitorCounts>().Find("X07", June14)?.Visitors);
    }

    [Fact]
    public async Task A_person_is_removed_only_after_the_confirmation_page()
    {
        var volunteer = Volunteer();
        await Client.SignInAsAdminAsync();

        var confirm = await PageAsync($"/dashboard/staff/members/{volunteer.Key}/remove");
        Assert.NotNull(Staff.Find(VolunteerId));
        Assert.Contains("Xã Tân Lập", confirm);

        using var removed = await Client.SubmitAsync($"/dashboard/staff/members/{volunteer.Key}/remove", $"/dashboard/staff/members/{volunteer.Key}/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(Staff.Find(VolunteerId));
    }

    [Fact]
    public async Task A_code_set_on_the_page_registers_volunteers_and_revoking_it_removes_the_ticked_people()
    {
        await Client.SignInAsAdminAsync();

        using (var set = await Client.SubmitAsync("/dashboard/staff", "/dashboard/staff/codes/X07", ("code", " TânLập24 ")))
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await Bot.SendTextAsync(VolunteerId, "DK X07 tanlap24");
        await Bot.SendTextAsync(SecondVolunteerId, "DK X07 TANLAP24");
        await Bot.IdleAsync();
        var first = Staff.Find(VolunteerId)!;
        var second = Staff.Find(SecondVolunteerId)!;

        var confirm = await PageAsync("/dashboard/staff/codes/X07/revoke");
        Assert.Contains($"value=\"{first.Key}\" checked", confirm);
        Assert.Contains($"value=\"{second.Key}\" checked", confirm);
        using (var revoked = await Client.SubmitAsync("/dashboard/staff/codes/X07/revoke", "/dashboard/staff/codes/X07/revoke", ("remove", second.Key)))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.False(Bot.Get<InviteCodes>().HasCode("X07"));
        Assert.NotNull(Staff.Find(VolunteerId));
        Assert.Null(Staff.Find(SecondVolunteerId));
        Assert.Contains("chưa có hoặc đã thu hồi", await PageAsync());
    }

    [Fact]
    public async Task A_weak_code_is_refused_with_the_reason_and_changes_nothing()
    {
        await Client.SignInAsAdminAsync();

        using var response = await Client.SubmitAsync("/dashboard/staff", "/dashboard/staff/codes/X07", ("code", "ab 1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(Bot.Get<InviteCodes>().HasCode("X07"));
        Assert.Contains("ít nhất 6 chữ cái hoặc chữ số", await PageAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task A_change_without_the_forms_token_is_refused()
    {
        var volunteer = Volunteer();
        await Client.SignInAsAdminAsync();

        using var response = await Client.PostAsync($"/dashboard/staff/members/{volunteer.Key}/disabled", ("disabled", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(Staff.Find(VolunteerId)!.Disabled);
    }

    [GeneratedRegex("<section class=\"card\" id=\"([A-Z0-9]+)\"")]
    private static partial Regex SectionIds();
}
