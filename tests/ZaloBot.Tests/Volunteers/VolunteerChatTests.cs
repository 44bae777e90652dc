using ZaloBot.Survey;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

public sealed class VolunteerChatTests : StaffTests
{
    private VisitorCount? TodaysCount(string commune = "X07") => Bot.Get<VisitorCounts>().Find(commune, June12);

    [Theory]
    [InlineData("LUOT 35")]
    [InlineData("luot 35")]
    [InlineData("Lượt: 35")]
    [InlineData("luot35")]
    [InlineData("  LƯỢT 35 người ")]
    public async Task The_days_visitor_count_is_recorded_however_it_is_typed(string text)
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, text);

        Assert.Equal(35, TodaysCount()?.Visitors);
        Assert.Contains("Đã ghi: Xã Tân Lập (X07) ngày 12/06/2024 có 35 lượt", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_later_count_the_same_day_corrects_it_and_keeps_who_when_and_the_old_value()
    {
        await RegisterAsync(Volunteer);
        await RegisterAsync(Citizen);
        await SayAsync(Volunteer, "LUOT 30");
        Clock.Advance(TimeSpan.FromHours(2));
        await SayAsync(Citizen, "LUOT 35");

        var count = TodaysCount()!;
        Assert.Equal(35, count.Visitors);
        Assert.Equal([null, 30], count.History.Select(h => h.OldValue));
        Assert.Equal([StaffOf(Volunteer)!.Key, StaffOf(Citizen)!.Key], count.History.Select(h => h.StaffKey));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, count.History[1].At);
        Assert.Contains("Đã sửa số lượt của Xã Tân Lập (X07) ngày 12/06/2024: 30 → 35", LastReplyTo(Citizen));
    }

    [Fact]
    public async Task A_disabled_volunteer_is_told_so_and_reports_nothing()
    {
        await RegisterAsync(Volunteer);
        var member = StaffOf(Volunteer)!;
        member.Disabled = true;
        Bot.Get<IStaffStore>().Update(member);

        await SayAsync(Volunteer, "LUOT 35");

        Assert.Null(TodaysCount());
        Assert.Equal(StaffTexts.Disabled, LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_count_without_a_number_gets_the_example_and_stores_nothing()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "LUOT nhiều");

        Assert.Null(TodaysCount());
        Assert.Contains("LUOT 35", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_citizen_typing_a_staff_command_stays_in_the_survey_and_reports_nothing()
    {
        await SayAsync(Citizen, "LUOT 35");

        Assert.Null(TodaysCount());
        Assert.Null(StaffOf(Citizen));
        Assert.Contains("xã, thị trấn nào", LastReplyTo(Citizen));
    }

    [Theory]
    [InlineData("Xin chào")]
    [InlineData("X07")]
    [InlineData("1")]
    public async Task Staff_text_that_is_no_command_gets_the_help_and_never_the_survey(string text)
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, text);

        Assert.StartsWith("Chưa rõ yêu cầu của anh/chị.", LastReplyTo(Volunteer));
        Assert.Null(Bot.Get<IConversationStore>().Load(Volunteer));
    }

    [Fact]
    public async Task Staff_following_the_OA_again_get_the_help()
    {
        await RegisterAsync(Volunteer);
        await Bot.PostEventAsync($$"""{"oa_id":"{{Tests.Support.BotHost.OaId}}","follower":{"id":"{{Volunteer}}"},"event_name":"follow","source":"oa_profile","app_id":"{{Tests.Support.BotHost.AppId}}","timestamp":"1718160000000"}""");
        await Bot.IdleAsync();

        Assert.StartsWith("Anh/chị có thể gửi:", LastReplyTo(Volunteer));
        Assert.Null(Bot.Get<IConversationStore>().Load(Volunteer));
    }

    [Fact]
    public async Task Help_lists_each_roles_commands_with_examples()
    {
        await RegisterAsync(Volunteer);
        await RegisterOfficialAsync();
        await SayAsync(Volunteer, "menu");
        await SayAsync(Official, "HUONGDAN");

        var volunteerHelp = LastReplyTo(Volunteer);
        Assert.Contains("LUOT 35", volunteerHelp);
        Assert.Contains("TIENDO", volunteerHelp);
        Assert.Contains("KHAOSAT", volunteerHelp);
        Assert.DoesNotContain("MAMOI", volunteerHelp);
        var officialHelp = LastReplyTo(Official);
        Assert.Contains("BAOCAO", officialHelp);
        Assert.Contains("MAMOI X07", officialHelp);
        Assert.DoesNotContain("LUOT 35:", officialHelp);
    }

    [Fact]
    public async Task Progress_shows_todays_visitors_respondents_and_quota_status()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "TIENDO");
        Assert.Contains("Lượt người dân đến: chưa báo cáo", LastReplyTo(Volunteer));
        Assert.Contains("Gửi LUOT <số>", LastReplyTo(Volunteer));

        await SayAsync(Volunteer, "LUOT 30");
        SeedResponses("X07", 12);
        await SayAsync(Volunteer, "tiến độ");

        var reply = LastReplyTo(Volunteer);
        Assert.Contains("Xã Tân Lập (X07), hôm nay 12/06/2024", reply);
        Assert.Contains("Lượt người dân đến: 30", reply);
        Assert.Contains("Phiếu khảo sát: 12 (lũy kế 12)", reply);
        Assert.Contains("Chỉ tiêu: Thiếu phiếu (khoảng đạt: 15–45 phiếu)", reply);
    }

    [Fact]
    public async Task An_official_sees_a_communes_progress_but_does_not_report_for_it()
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, "TIENDO X07");
        Assert.Contains("Xã Tân Lập (X07), hôm nay", LastReplyTo(Official));

        await SayAsync(Official, "LUOT 35");
        Assert.Equal(StaffTexts.OfficialsDoNotReport, LastReplyTo(Official));
        Assert.Null(TodaysCount());
    }

    [Theory]
    [InlineData("TIENDO Tân Lập")]
    [InlineData("tien do xa tan lap")]
    [InlineData("Tiến độ: Xã Tân Lập")]
    public async Task An_official_may_name_the_commune_whose_progress_they_want(string text)
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, text);

        Assert.Contains("Xã Tân Lập (X07), hôm nay 12/06/2024", LastReplyTo(Official));
    }

    [Fact]
    public async Task Progress_of_an_unknown_commune_says_how_to_name_one()
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, "TIENDO Hà Nội");

        Assert.Equal(StaffTexts.UnknownCommune("Hà Nội"), LastReplyTo(Official));
    }

    [Fact]
    public async Task A_volunteer_answers_the_survey_as_a_citizen_only_after_asking_and_comes_back_with_THOAT()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "KHAOSAT");
        Assert.True(StaffOf(Volunteer)!.AnsweringAsCitizen);
        Assert.Contains(RepliesTo(Volunteer), r => r.Contains(StaffTexts.AnsweringAsCitizen, StringComparison.Ordinal));

        await SayAsync(Volunteer, "X07");
        Assert.Contains("Câu 1/11", LastReplyTo(Volunteer));
        await SayAsync(Volunteer, "LUOT người đông");
        await SayAsync(Volunteer, "Tiến độ giải quyết hồ sơ chậm");
        await SayAsync(Volunteer, "Tên tôi là Đức");
        await SayAsync(Volunteer, "hướng dẫn");
        Assert.True(StaffOf(Volunteer)!.AnsweringAsCitizen);
        Assert.Contains("Hướng dẫn: mỗi câu hỏi", LastReplyTo(Volunteer));

        await SayAsync(Volunteer, "THOAT");
        Assert.False(StaffOf(Volunteer)!.AnsweringAsCitizen);
        Assert.StartsWith("Anh/chị đang ở chế độ cán bộ.", LastReplyTo(Volunteer));
        await SayAsync(Volunteer, "LUOT 12");
        Assert.Equal(12, TodaysCount()?.Visitors);
    }

    [Fact]
    public async Task A_well_formed_staff_command_also_ends_answering_as_a_citizen()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "KHAOSAT");
        await SayAsync(Volunteer, "LUOT 20");

        Assert.False(StaffOf(Volunteer)!.AnsweringAsCitizen);
        Assert.Equal(20, TodaysCount()?.Visitors);
    }
}
