using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class SurveyWindowTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Theory]
    [InlineData(2026, 10, 31, 23, 59, 59, "Đợt khảo sát chưa bắt đầu.")]
    [InlineData(2027, 12, 31, 23, 59, 59, "Đợt khảo sát đã kết thúc.")]
    [InlineData(2028, 6, 12, 9, 0, 0, "Đợt khảo sát đã kết thúc.")]
    public void Outside_the_survey_window_the_citizen_is_told_the_dates(int year, int month, int day, int hour, int minute, int second, string notice)
    {
        var chat = new Chat { Now = new DateTimeOffset(year, month, day, hour, minute, second, Vietnam) }.Start("X07");

        Assert.Null(chat.State);
        Assert.Null(chat.Completed);
        Assert.Contains(notice, chat.Reply);
        Assert.Contains("từ 01/11/2026 00:00 đến 31/12/2027 23:59", chat.Reply);
    }

    [Theory]
    [InlineData(2026, 11, 1, 0, 0, 0)]
    [InlineData(2027, 12, 31, 23, 59, 58)]
    public void Inside_the_survey_window_the_survey_starts(int year, int month, int day, int hour, int minute, int second)
    {
        var chat = new Chat { Now = new DateTimeOffset(year, month, day, hour, minute, second, Vietnam) }.Start();

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
    }

    [Fact]
    public void Survey_in_progress_when_the_window_closes_is_dropped()
    {
        var chat = new Chat { Now = new DateTimeOffset(2027, 12, 31, 23, 59, 0, Vietnam) }.Start("X07").Send("1");
        chat.Step = TimeSpan.FromMinutes(1);

        chat.Send("1");

        Assert.Null(chat.State);
        Assert.Null(chat.Completed);
        Assert.Contains("Đợt khảo sát đã kết thúc.", chat.Reply);
    }

    [Fact]
    public void Message_without_a_stored_state_is_a_first_contact()
    {
        var chat = new Chat().Send("Xin chào #X07");

        Assert.Equal(2, chat.Replies.Count);
        Assert.StartsWith(TestSurveys.Default.Intro, chat.Replies[0]);
        Assert.Equal("X07", chat.State!.CommuneCode);
    }

    [Fact]
    public void State_of_another_survey_starts_the_current_survey_afresh()
    {
        var old = new Chat(TestSurveys.Small, new SurveyEngineOptions()).Start("A1").State!;
        var engine = new SurveyEngine(TestSurveys.Default, new SurveyEngineOptions());

        var result = engine.Handle(old, "1", Chat.Morning);

        Assert.Equal(2, ReplyAssert.Valid(result).Count);
        Assert.Equal(("PKS02_2024", ConversationPhase.ChoosingCommune), (result.State!.SurveyId, result.State.Phase));
    }
}
