using ZaloBot.Reports;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

/// <summary>What staff are told when they register, and the name and position they give with TEN.</summary>
public sealed class StaffProfileTests : StaffTests
{
    private const string GroupLink = "https://zalo.me/g/pks02abc";

    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Digest:GroupLink"] = GroupLink };

    private IReadOnlyList<string> OnDutyJune12 => Bot.Get<DailyFigures>().Days(June12, June12, "X07", reporters: true).Single().OnDuty;

    [Fact]
    public async Task A_volunteers_welcome_gives_the_groups_link_and_asks_for_name_and_role_but_no_login_name()
    {
        await RegisterAsync(Volunteer);

        var welcome = LastReplyTo(Volunteer);
        Assert.Contains($"Nhóm Zalo của tổ công tác: {GroupLink}", welcome);
        Assert.Contains("Xin anh/chị cho biết họ tên và chức vụ, ví dụ: TEN Nguyễn Văn A, Hội CCB xã.", welcome);
        Assert.DoesNotContain(StaffOf(Volunteer)!.LoginName, welcome);
        Assert.DoesNotContain("đăng nhập", welcome);
    }

    [Fact]
    public async Task An_officials_welcome_gives_the_login_name_and_how_to_sign_in()
    {
        await RegisterOfficialAsync();

        var welcome = LastReplyTo(Official);
        Assert.Contains($"Tên đăng nhập trang quản lý của anh/chị: {StaffOf(Official)!.LoginName}.", welcome);
        Assert.Contains("mã đăng nhập sẽ được gửi cho anh/chị qua Zalo", welcome);
        Assert.Contains($"Nhóm Zalo của tổ công tác: {GroupLink}", welcome);
        Assert.DoesNotContain(StaffTexts.AskName, welcome);
    }

    [Fact]
    public async Task Registering_for_another_commune_says_which_commune_was_left()
    {
        await RegisterAsync(Volunteer);
        Assert.DoesNotContain("chuyển", LastReplyTo(Volunteer));

        await RegisterAsync(Volunteer, "X08", X08Code);

        Assert.Equal("X08", StaffOf(Volunteer)!.CommuneCode);
        Assert.Contains("Anh/chị đã chuyển từ Xã Tân Lập (X07) sang Xã Tân An (X08).", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task TEN_stores_name_and_position_as_written_and_the_name_is_asked_only_once()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "Tên: Nguyễn Văn Đức, Hội CCB xã Tân Lập");

        var member = StaffOf(Volunteer)!;
        Assert.Equal(("Nguyễn Văn Đức", "Hội CCB xã Tân Lập"), (member.FullName, member.Position));
        Assert.StartsWith("Đã ghi: Nguyễn Văn Đức, Hội CCB xã Tân Lập.", LastReplyTo(Volunteer));

        await RegisterAsync(Volunteer);
        Assert.DoesNotContain("Xin anh/chị cho biết họ tên", LastReplyTo(Volunteer));
        Assert.Equal("Nguyễn Văn Đức", StaffOf(Volunteer)!.FullName);
    }

    [Fact]
    public async Task TEN_without_a_name_shows_how_to_write_it()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "TEN");

        Assert.Equal(StaffTexts.NameUsage, LastReplyTo(Volunteer));
        Assert.Null(StaffOf(Volunteer)!.FullName);
    }

    [Fact]
    public async Task Without_a_roster_the_days_people_on_duty_are_the_named_volunteers_who_reported()
    {
        const string Second = "7100000000000000002";
        await RegisterAsync(Volunteer);
        await RegisterAsync(Second);
        await SayAsync(Volunteer, "TEN Nguyễn Văn Đức, Hội CCB xã");
        Assert.Empty(OnDutyJune12);

        await SayAsync(Second, "LUOT 30");
        Assert.Empty(OnDutyJune12);
        await SayAsync(Volunteer, "LUOT 32");

        Assert.Equal(["Nguyễn Văn Đức, Hội CCB xã"], OnDutyJune12);
        Assert.Empty(Bot.Get<DailyFigures>().Days(June12, June12, "X08", reporters: true).Single().OnDuty);
    }

    [Fact]
    public async Task The_roster_names_the_people_on_duty_when_it_has_someone_for_that_day()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "TEN Nguyễn Văn Đức, Hội CCB xã");
        await SayAsync(Volunteer, "LUOT 32");
        Bot.Get<Roster>().ReplaceAll([new RosterEntry { CommuneCode = "X07", Name = "Lê Thị Bình", Position = "Hội viên CCB", DutyDates = [June12.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)] }]);

        Assert.Equal(["Lê Thị Bình, Hội viên CCB"], OnDutyJune12);
    }
}
