using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ZaloBot.Volunteers;
using static ZaloBot.Tests.Dashboard.DashboardHost;

namespace ZaloBot.Tests.Dashboard;

/// <summary>Who reported what on a commune's page, and its photos one by one or a day at a time.</summary>
public sealed partial class CommunePageTests : DashboardTests
{
    private static readonly DateTime Registered = new(2024, 6, 11, 1, 5, 0, DateTimeKind.Utc);

    private StaffMember volunteer = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        volunteer = Bot.Get<IStaffStore>().Register("7300000000000000001", StaffRole.Commune, "X07", Registered);
        var counts = Bot.Get<VisitorCounts>();
        counts.Report("X07", June13, 30, volunteer.Key, new DateTime(2024, 6, 13, 9, 0, 0, DateTimeKind.Utc));
        counts.Report("X07", June14, 12, volunteer.Key, new DateTime(2024, 6, 14, 1, 0, 0, DateTimeKind.Utc));
        counts.Report("X07", June14, 15, volunteer.Key, new DateTime(2024, 6, 14, 2, 30, 0, DateTimeKind.Utc));
        foreach (var minute in new[] { 10, 20 })
            Bot.Get<PhotoReports>().Add(new PhotoReport
            {
                Id = $"p{minute}", CommuneCode = "X07", Date = June14.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), StaffKey = volunteer.Key,
                Caption = $"Bàn hướng dẫn {minute}", ContentType = "image/png", ReceivedAt = new DateTime(2024, 6, 14, 2, minute, 0, DateTimeKind.Utc),
            }, [.. SeededDashboard.Photo, (byte)minute]);
        await Client.SignInAsAdminAsync();
    }

    [Fact]
    public async Task The_visitor_count_history_shows_who_changed_which_day_from_what_to_what_today_first()
    {
        var html = await Client.Http.GetStringAsync("/dashboard/communes/X07");

        var history = SeededDashboardTests.RowsOf(html).Where(r => r.Length == 5).ToList();
        Assert.Equal(
            [
                ["14/06/2024", "09:30", "tổ công tác (đăng ký 11/06 08:05)", "12", "15"],
                ["14/06/2024", "08:00", "tổ công tác (đăng ký 11/06 08:05)", "–", "12"],
                ["13/06/2024", "16:00", "tổ công tác (đăng ký 11/06 08:05)", "–", "30"],
            ],
            history);
    }

    [Fact]
    public async Task Each_photo_names_its_sender_and_opens_large()
    {
        var html = await Client.Http.GetStringAsync("/dashboard/communes/X07");

        Assert.Contains("09:20 · tổ công tác (đăng ký 11/06 08:05)", html);
        Assert.Contains("href=\"/dashboard/photos/p20/view\"", html);
        var view = await Client.Http.GetStringAsync("/dashboard/photos/p20/view");
        Assert.Contains("class=\"photo-large\" src=\"/dashboard/photos/p20\"", view);
        Assert.Contains("Bàn hướng dẫn 20", view);
    }

    [Fact]
    public async Task A_days_photos_download_as_one_zip_in_the_order_they_came()
    {
        var html = await Client.Http.GetStringAsync("/dashboard/communes/X07");
        var link = ZipLink().Match(html).Groups[1].Value;

        using var response = await Client.Http.GetAsync(link);

        Assert.Equal("/dashboard/communes/X07/photos/2024-06-14.zip", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["X07-2024-06-14-01-0910.png", "X07-2024-06-14-02-0920.png"], zip.Entries.Select(e => e.FullName));
        using var first = new MemoryStream();
        await zip.Entries[0].Open().CopyToAsync(first);
        Assert.Equal([.. SeededDashboard.Photo, (byte)10], first.ToArray());
    }

    [Fact]
    public async Task A_day_without_photos_has_no_zip()
    {
        using var response = await Client.Http.GetAsync("/dashboard/communes/X07/photos/2024-06-13.zip");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("href=\"(/dashboard/communes/X07/photos/[^\"]+\\.zip)\"")]
    private static partial Regex ZipLink();
}
