using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class CancelTests
{
    [Theory]
    [InlineData("hủy")]
    [InlineData("Huỷ.")]
    [InlineData("huy")]
    [InlineData("thoát")]
    [InlineData("thôi")]
    [InlineData("Thôi ạ")]
    [InlineData("không muốn trả lời")]
    [InlineData("ko muốn trả lời")]
    public void Cancel_words_end_the_survey_politely_and_say_how_to_start_again(string text)
    {
        var chat = new Chat().Start("X07").Send("1", "1", text);

        Assert.Null(chat.State);
        Assert.Null(chat.Completed);
        Assert.Equal(
            "Đã dừng khảo sát. Phiếu chưa được gửi và các câu trả lời đã được xoá. " +
            "Khi muốn tham gia lại, ông/bà gửi \"X07\" để bắt đầu từ đầu. Cảm ơn ông/bà!",
            chat.Reply);
    }

    [Fact]
    public void Cancel_before_choosing_a_commune_says_any_message_starts_again()
    {
        var chat = new Chat().Start().Send("hủy");

        Assert.Null(chat.State);
        Assert.Contains("gửi một tin nhắn bất kỳ để bắt đầu từ đầu", chat.Reply);
    }

    [Theory]
    [InlineData("thôi")]
    [InlineData("hủy")]
    public void Cancel_at_the_recap_submits_nothing(string text)
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2", "bỏ qua", text);

        Assert.Null(chat.State);
        Assert.Null(chat.Completed);
    }

    [Fact]
    public void After_cancelling_the_commune_code_starts_a_new_survey()
    {
        var chat = new Chat().Start("X07").Send("1", "hủy", "X07");

        Assert.Equal((ConversationPhase.Answering, "age"), (chat.State!.Phase, chat.State.CurrentQuestionId));
        Assert.Empty(chat.State.Answers);
        Assert.Contains("Câu 1/11", chat.Replies[^1]);
    }

    [Fact]
    public void Not_wanting_to_answer_an_optional_question_skips_just_that_question()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2", "không muốn trả lời");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.DoesNotContain("comment", chat.State.Answers.Keys);
        Assert.Contains("Ý kiến khác: (bỏ qua)", chat.Reply);
    }
}
