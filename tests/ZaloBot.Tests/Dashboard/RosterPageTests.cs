using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Volunteers;
using static ZaloBot.Tests.Dashboard.DashboardHost;

namespace ZaloBot.Tests.Dashboard;

public sealed partial class RosterPageTests : DashboardTests
{
    private const string Header = "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\n";

    private static readonly byte[] Good = Encoding.UTF8.GetBytes(
        Header + "X07,Nguyễn Văn An,Hội viên CCB,0912 345 678,12/06/2024;13/06/2024\nX08,Lê Thị Bình,,,14/06/2024\n");

    private Roster Roster => Bot.Get<Roster>();

    private void SeedRoster() =>
        Roster.ReplaceAll([new RosterEntry { CommuneCode = "X09", Name = "Người Cũ", DutyDates = [June12.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)] }]);

    private async Task<string> PreviewAsync(byte[] csv)
    {
        using var response = await Client.UploadAsync("/dashboard/roster", "/dashboard/roster/preview", "file", "lich-truc.csv", csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_upload_with_errors_lists_every_invalid_line_with_its_reason_and_changes_nothing()
    {
        SeedRoster();
        await Client.SignInAsAdminAsync();
        var csv = Encoding.UTF8.GetBytes(Header +
            "X07,Nguyễn Văn An,Hội viên,,12/06/2024\n" +
            "X99,Lê Văn Cư,Hội viên,,12/06/2024\n" +
            "X07,Nguyễn Văn An,Hội viên,,12/06/2024\n" +
            "X08,Trần Thị Ba,Hội viên,555-1234,13/06/2024\n" +
            "X08,Đỗ Thị Em,Hội viên,,20/06/2024\n");

        var html = await PreviewAsync(csv);

        Assert.Contains("có 4 lỗi", html);
        Assert.Equal(
            [
                ["3", "không có xã, thị trấn mã \"X99\""],
                ["4", "Nguyễn Văn An đã có ở dòng 2 cho ngày 12/06/2024"],
                ["5", "số điện thoại \"555-1234\" không phải số Việt Nam (ví dụ 0912345678)"],
                ["6", "ngày trực 20/06/2024 nằm ngoài thời gian khảo sát (12/06/2024 – 14/06/2024)"],
            ],
            SeededDashboardTests.RowsOf(html));
        Assert.DoesNotContain("/dashboard/roster/confirm", html);
        Assert.Equal(["Người Cũ"], Roster.All().Select(e => e.Name));
    }

    [Fact]
    public async Task A_valid_upload_is_previewed_and_replaces_the_roster_only_once_confirmed()
    {
        SeedRoster();
        await Client.SignInAsAdminAsync();

        var html = await PreviewAsync(Good);

        Assert.Contains(["Xã Tân Lập", "Nguyễn Văn An", "Hội viên CCB", "0912345678", "12/06/2024; 13/06/2024"], SeededDashboardTests.RowsOf(html));
        Assert.Equal(["Người Cũ"], Roster.All().Select(e => e.Name));

        using var confirmed = await Client.PostAsync("/dashboard/roster/confirm",
            ("__RequestVerificationToken", DashboardClient.TokenOf(html)), ("csv", HiddenCsv().Match(html).Groups[1].Value));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(["Nguyễn Văn An", "Lê Thị Bình"], Roster.All().Select(e => e.Name));
        Assert.Equal(["Nguyễn Văn An, Hội viên CCB"], Roster.OnDuty("X07", June13));
        var page = await Client.Http.GetStringAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains("Đã nhập 2 người vào lịch phân công.", page);
    }

    [Fact]
    public async Task An_upload_without_the_forms_token_is_refused()
    {
        SeedRoster();
        await Client.SignInAsAdminAsync();

        using var response = await Client.UploadAsync("/dashboard/roster", "/dashboard/roster/preview", "file", "lich-truc.csv", Good, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_confirmation_without_the_forms_token_changes_nothing()
    {
        SeedRoster();
        await Client.SignInAsAdminAsync();

        using var response = await Client.PostAsync("/dashboard/roster/confirm", ("csv", Convert.ToBase64String(Good)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Người Cũ"], Roster.All().Select(e => e.Name));
    }

    [GeneratedRegex("name=\"csv\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenCsv();
}
