using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

/// <summary>LUOT names its day; past days and unusual counts are confirmed first; impossible ones are refused.</summary>
public sealed class VisitorCountTests : StaffTests
{
    private static readonly DateOnly June13 = new(2024, 6, 13);

    private VisitorCount? CountOn(DateOnly day) => Bot.Get<VisitorCounts>().Find("X07", day);

    /// <summary>The last reply to the volunteer, leaving out the afternoon reminder a jump of the clock past 16:15 may bring at any moment.</summary>
    private string LastAnswer => RepliesTo(Volunteer).Last(r => !r.StartsWith('⏰'));

    [Fact]
    public async Task A_count_for_a_past_survey_day_is_repeated_back_and_stored_only_after_the_volunteer_sends_1()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June13, 10, 0);
        await SayAsync(Volunteer, "LUOT 25 ngày 12/06");

        Assert.Equal("Anh/chị ghi số lượt cho ngày đã qua. Ghi 25 lượt cho Xã Tân Lập (X07) ngày 12/06/2024? Gửi 1 để xác nhận, 2 để hủy.", LastAnswer);
        Assert.Null(CountOn(June12));
        Assert.Null(CountOn(June13));

        await SayAsync(Volunteer, "1");

        Assert.Equal(25, CountOn(June12)?.Visitors);
        Assert.Null(CountOn(June13));
        Assert.Null(StaffOf(Volunteer)!.PendingCount);
        Assert.Contains("Đã ghi: Xã Tân Lập (X07) ngày 12/06/2024 có 25 lượt", LastAnswer);
    }

    [Fact]
    public async Task A_past_days_correction_keeps_who_when_and_the_old_value()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "LUOT 30");
        SetVietnamTime(June13, 8, 0);
        await SayAsync(Volunteer, "lượt 32 ngay 12-06-2024");
        await SayAsync(Volunteer, "Dạ, có ạ");

        var count = CountOn(June12)!;
        Assert.Equal(32, count.Visitors);
        Assert.Equal([(null, 30), (30, 32)], count.History.Select(h => (h.OldValue, h.NewValue)));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, count.History[1].At);
        Assert.Contains("Đã sửa số lượt của Xã Tân Lập (X07) ngày 12/06/2024: 30 → 32", LastAnswer);
    }

    [Fact]
    public async Task Yesterday_can_be_named_in_words()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June13, 8, 0);
        await SayAsync(Volunteer, "LUOT 18 hôm qua");

        Assert.Contains("Ghi 18 lượt cho Xã Tân Lập (X07) ngày 12/06/2024?", LastAnswer);
    }

    [Fact]
    public async Task Sending_2_drops_the_count_and_stores_nothing()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June13, 10, 0);
        await SayAsync(Volunteer, "LUOT 25 ngày 12/06");
        await SayAsync(Volunteer, "2");

        Assert.Null(CountOn(June12));
        Assert.Null(StaffOf(Volunteer)!.PendingCount);
        Assert.Equal(StaffTexts.CountDropped, LastAnswer);
    }

    [Fact]
    public async Task An_unclear_answer_gets_the_question_again_and_another_command_drops_it()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June13, 10, 0);
        await SayAsync(Volunteer, "LUOT 25 ngày 12/06");
        await SayAsync(Volunteer, "để tôi xem lại");
        Assert.Equal("Xin trả lời: ghi 25 lượt cho Xã Tân Lập (X07) ngày 12/06/2024? Gửi 1 để xác nhận, 2 để hủy.", LastAnswer);

        await SayAsync(Volunteer, "TIENDO");
        await SayAsync(Volunteer, "1");

        Assert.Null(CountOn(June12));
        Assert.StartsWith("Chưa rõ yêu cầu của anh/chị.", LastAnswer);
    }

    [Fact]
    public async Task A_count_waiting_for_confirmation_survives_a_restart()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June13, 10, 0);
        await SayAsync(Volunteer, "LUOT 25 ngày 12/06");

        await Bot.RestartAsync();
        await SayAsync(Volunteer, "1");

        Assert.Equal(25, CountOn(June12)?.Visitors);
    }

    [Theory]
    [InlineData("LUOT 25 ngày 13/06")]
    [InlineData("LUOT 25 ngày 02/12")]
    [InlineData("LUOT 25 ngày 11/06/2024")]
    public async Task Future_days_and_days_outside_the_survey_are_refused_saying_which_days_are_allowed(string text)
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, text);

        Assert.StartsWith("Không ghi được số lượt cho ngày", LastAnswer);
        Assert.Contains("chỉ ghi cho các ngày khảo sát đến hôm nay (12/06/2024)", LastAnswer);
        Assert.Null(CountOn(June12));
        Assert.Null(StaffOf(Volunteer)!.PendingCount);
    }

    [Theory]
    [InlineData("LUOT 2000000000")]
    [InlineData("LUOT 99999999999999")]
    [InlineData("LUOT -5")]
    [InlineData("LUOT 501")]
    [InlineData("LUOT 3,5")]
    [InlineData("LUOT 25 ngày 31/02")]
    public async Task A_count_that_is_not_a_whole_number_up_to_the_maximum_is_refused_and_never_stored(string text)
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, text);

        Assert.Equal(StaffTexts.VisitorsUsage(500), LastAnswer);
        Assert.Contains("từ 0 đến 500", LastAnswer);
        Assert.Null(CountOn(June12));
        Assert.Null(StaffOf(Volunteer)!.PendingCount);
    }

    [Fact]
    public async Task The_maximum_count_is_stored_at_once()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "LUOT 500");

        Assert.Equal(500, CountOn(June12)?.Visitors);
    }

    [Fact]
    public async Task After_the_survey_ends_counts_are_refused_but_progress_is_shown()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(new DateOnly(2024, 6, 15), 9, 0);
        await SayAsync(Volunteer, "LUOT 20 ngày 14/06");
        Assert.StartsWith("Đợt khảo sát đã kết thúc ngày 14/06/2024", LastAnswer);
        await SayAsync(Volunteer, "TIENDO");
        Assert.Contains("Xã Tân Lập (X07), hôm nay 15/06/2024", LastAnswer);

        Assert.Empty(Bot.Get<VisitorCounts>().Between(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30)));
    }
}

/// <summary>A week-long survey, so a commune has enough reported days for its usual count.</summary>
public sealed class UnusualCountTests : StaffTests
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["Survey:DefinitionPath"] = SurveyFiles.Window("2024-06-08T07:00:00", "2024-06-14T17:30:00"),
        ["Quota:MaxDailyVisitors"] = "800",
    };

    private async Task ReportedDaysAsync(params int[] counts)
    {
        await RegisterAsync(Volunteer);
        for (var i = 0; i < counts.Length; i++)
            Bot.Get<VisitorCounts>().Report("X07", new DateOnly(2024, 6, 8 + i), counts[i], "earlier", Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_count_far_above_the_communes_usual_is_confirmed_before_it_is_stored()
    {
        await ReportedDaysAsync(20, 22, 18, 25);
        await SayAsync(Volunteer, "LUOT 70");

        Assert.Equal("Số này cao hơn nhiều so với thường ngày của xã (khoảng 21 lượt). Ghi 70 lượt cho Xã Tân Lập (X07) ngày 12/06/2024? Gửi 1 để xác nhận, 2 để hủy.", LastReplyTo(Volunteer));
        Assert.Null(Bot.Get<VisitorCounts>().Find("X07", June12));

        await SayAsync(Volunteer, "1");
        Assert.Equal(70, Bot.Get<VisitorCounts>().Find("X07", June12)?.Visitors);
    }

    [Fact]
    public async Task A_count_within_three_times_the_usual_is_stored_at_once()
    {
        await ReportedDaysAsync(20, 22, 18, 25);
        await SayAsync(Volunteer, "LUOT 63");

        Assert.Equal(63, Bot.Get<VisitorCounts>().Find("X07", June12)?.Visitors);
    }

    [Fact]
    public async Task With_fewer_than_three_reported_days_there_is_no_usual_to_compare_with()
    {
        await ReportedDaysAsync(5, 6);
        await SayAsync(Volunteer, "LUOT 90");

        Assert.Equal(90, Bot.Get<VisitorCounts>().Find("X07", June12)?.Visitors);
    }

    [Fact]
    public async Task The_maximum_is_configurable()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "LUOT 750");
        Assert.Equal(750, Bot.Get<VisitorCounts>().Find("X07", June12)?.Visitors);

        await SayAsync(Volunteer, "LUOT 801");
        Assert.Contains("từ 0 đến 800", LastReplyTo(Volunteer));
        Assert.Equal(750, Bot.Get<VisitorCounts>().Find("X07", June12)?.Visitors);
    }
}

/// <summary>A survey that opens the day after the fake clock's first morning.</summary>
public sealed class SurveyNotStartedTests : StaffTests
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["Survey:DefinitionPath"] = SurveyFiles.Window("2024-06-13T07:00:00", "2024-06-15T17:30:00"),
    };

    [Fact]
    public async Task Before_the_survey_starts_volunteers_register_and_read_progress_but_counts_are_refused()
    {
        await RegisterAsync(Volunteer);
        Assert.Equal("X07", StaffOf(Volunteer)?.CommuneCode);

        await SayAsync(Volunteer, "LUOT 20");
        Assert.Equal("Đợt khảo sát chưa bắt đầu: từ 13/06/2024 đến 15/06/2024. Anh/chị gửi số lượt và ảnh trong những ngày đó; TIENDO vẫn xem được.", LastReplyTo(Volunteer));
        Assert.Null(Bot.Get<VisitorCounts>().Find("X07", June12));

        await SayAsync(Volunteer, "TIENDO");
        Assert.Contains("Xã Tân Lập (X07), hôm nay 12/06/2024", LastReplyTo(Volunteer));
    }
}
