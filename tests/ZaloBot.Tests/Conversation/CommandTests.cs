using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class CommandTests
{
    [Theory]
    [InlineData("quay lại")]
    [InlineData("quay lai")]
    [InlineData("QUAY LẠI")]
    [InlineData(" Quay   lại 👈 ")]
    public void Back_returns_to_the_previous_question_and_drops_its_answer(string text)
    {
        var chat = new Chat().Start("X07").Send("2", text);

        Assert.Equal("age", chat.State!.CurrentQuestionId);
        Assert.Empty(chat.State.Answers);
        Assert.Empty(chat.State.History);
        Assert.Contains("Câu 1/11", chat.Reply);
    }

    [Fact]
    public void Back_from_the_first_question_returns_to_the_commune_choice()
    {
        var chat = new Chat().Start("X07").Send("quay lại");

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Null(chat.State.CommuneCode);
        Assert.Null(chat.State.CurrentQuestionId);
        Assert.StartsWith("Ông/bà đang làm thủ tục tại xã, thị trấn nào?", chat.Reply);
    }

    [Fact]
    public void Back_while_choosing_among_similar_communes_shows_the_whole_list()
    {
        var chat = new Chat().Start().Send("tân", "quay lại");

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Empty(chat.State.CommuneChoices);
        Assert.Contains("25. Thị trấn Chợ Mới", chat.Reply);
    }

    [Fact]
    public void Back_from_the_recap_returns_to_the_last_question_showing_its_answer()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2", "Tốt", "quay lại");

        Assert.Equal((ConversationPhase.Answering, "comment"), (chat.State!.Phase, chat.State.CurrentQuestionId));
        Assert.DoesNotContain("comment", chat.State.Answers.Keys);
        Assert.StartsWith("Trước đây ông/bà trả lời: Tốt\n\nCâu 7/7", chat.Reply);
    }

    [Fact]
    public void Back_shows_the_answer_given_before()
    {
        var chat = new Chat().Start("X07").Send("2", "quay lại");

        Assert.StartsWith("Trước đây ông/bà trả lời: 25–49 tuổi\n\n", chat.Reply);
        Assert.Contains("Câu 1/11: Ông/bà thuộc độ tuổi nào?", chat.Reply);
    }

    [Fact]
    public void Changing_an_answer_after_going_back_drops_the_questions_it_no_longer_shows()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "có", "1", "quay lại", "quay lại");
        Assert.Equal("knows", chat.State!.CurrentQuestionId);

        chat.Send("không", "2", "2", "bỏ qua", "1");

        Assert.Equal(["age", "sex", "field", "knows", "extra_pay", "overall"], chat.Completed!.Answers.Keys);
        Assert.Equal(["khong"], chat.Completed.Answers["knows"]);
    }

    [Theory]
    [InlineData("làm lại")]
    [InlineData("lam lai")]
    [InlineData("LÀM LẠI")]
    public void Restart_clears_everything_and_asks_for_the_commune(string text)
    {
        var chat = new Chat().Start("X07").Send("1", "1", text);

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Null(chat.State.CommuneCode);
        Assert.Empty(chat.State.Answers);
        Assert.Empty(chat.State.History);
        Assert.Equal(chat.Now, chat.State.StartedAt);
        Assert.StartsWith(BotTexts.Restarted, chat.Reply);
        Assert.Contains("1. Xã An Phú", chat.Reply);
    }

    [Theory]
    [InlineData("dừng")]
    [InlineData("dung")]
    [InlineData("Dừng lại")]
    [InlineData("tạm dừng")]
    public void Pause_keeps_the_answers_and_says_how_to_continue(string text)
    {
        var chat = new Chat().Start("X07").Send("2", text);

        Assert.True(chat.State!.Paused);
        Assert.Equal(["25_49"], chat.State.Answers["age"]);
        Assert.Equal("sex", chat.State.CurrentQuestionId);
        Assert.Equal(
            "Đã tạm dừng. Các câu trả lời được giữ trong 2 giờ. Khi muốn tiếp tục, ông/bà gửi một tin nhắn bất kỳ.",
            chat.Reply);
    }

    [Fact]
    public void Message_after_a_pause_resumes_without_being_taken_as_an_answer()
    {
        var chat = new Chat().Start("X07").Send("2", "dừng");
        chat.Now += TimeSpan.FromMinutes(30);

        chat.Send("1");

        Assert.False(chat.State!.Paused);
        Assert.Equal("sex", chat.State.CurrentQuestionId);
        Assert.DoesNotContain("sex", chat.State.Answers.Keys);
        Assert.StartsWith(BotTexts.Resumed, chat.Reply);
        Assert.Contains("Câu 2/11", chat.Reply);
    }

    [Theory]
    [InlineData("trợ giúp")]
    [InlineData("tro giup")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("Hướng dẫn")]
    public void Help_explains_and_asks_the_current_question_again(string text)
    {
        var chat = new Chat().Start("X07").Send("2");
        var before = chat.State!;

        chat.Send(text);

        Assert.Equal(before with { LastActivityAt = chat.Now }, chat.State);
        Assert.StartsWith(BotTexts.Help, chat.Reply);
        Assert.EndsWith("Gửi số thứ tự câu trả lời (ví dụ: 1).", chat.Reply);
    }

    [Fact]
    public void Answers_idle_longer_than_the_timeout_are_dropped_and_the_survey_starts_again()
    {
        var chat = new Chat().Start("X07").Send("2");
        chat.Now += TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1);

        chat.Send("1");

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Empty(chat.State.Answers);
        Assert.Equal(chat.Now, chat.State.StartedAt);
        Assert.StartsWith("Đã quá 2 giờ không có tin nhắn nên các câu trả lời trước đã được xoá.", chat.Reply);
        Assert.Contains("1. Xã An Phú", chat.Reply);
    }

    [Fact]
    public void Message_with_a_commune_code_after_the_timeout_starts_again_at_the_first_question()
    {
        var chat = new Chat().Start("X07").Send("2", "dừng");
        chat.Now += TimeSpan.FromHours(3);

        chat.Send("#X08");

        Assert.Equal((ConversationPhase.Answering, "X08", "age"), (chat.State!.Phase, chat.State.CommuneCode, chat.State.CurrentQuestionId));
        Assert.False(chat.State.Paused);
        Assert.Empty(chat.State.Answers);
    }

    [Fact]
    public void Answers_idle_exactly_the_timeout_are_kept()
    {
        var chat = new Chat().Start("X07");
        chat.Step = TimeSpan.FromHours(2);

        chat.Send("2");

        Assert.Equal(["25_49"], chat.State!.Answers["age"]);
    }

    [Fact]
    public void Idle_timeout_comes_from_the_options()
    {
        var chat = new Chat(TestSurveys.Default, new SurveyEngineOptions { IdleTimeout = TimeSpan.FromMinutes(30) }).Start("X07");
        chat.Step = TimeSpan.FromMinutes(31);

        chat.Send("2");

        Assert.Empty(chat.State!.Answers);
        Assert.StartsWith("Đã quá 30 phút", chat.Reply);
    }
}
