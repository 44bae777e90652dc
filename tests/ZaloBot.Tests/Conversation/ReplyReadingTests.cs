using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

/// <summary>Replies as citizens type them in chat: punctuation, polite particles, abbreviations, number words.</summary>
public sealed class ReplyReadingTests
{
    /// <summary>At question 4 ("knows": 1. Có, 2. Không).</summary>
    private static Chat AtKnows() => new Chat().Start("X07").Send("1", "1", "1");

    /// <summary>At question 5 ("receive", the five-level scale with "Không biết"), having said they know the chairman.</summary>
    private static Chat AtReceive() => AtKnows().Send("1");

    [Theory]
    [InlineData("Có.", "co")]
    [InlineData("có ạ", "co")]
    [InlineData("dạ có", "co")]
    [InlineData("Dạ, có ạ!", "co")]
    [InlineData("vâng", "co")]
    [InlineData("Vâng ạ", "co")]
    [InlineData("dạ", "co")]
    [InlineData("một", "co")]
    [InlineData("ko", "khong")]
    [InlineData("k", "khong")]
    [InlineData("hok", "khong")]
    [InlineData("kg", "khong")]
    [InlineData("Ko ạ", "khong")]
    [InlineData("dạ không", "khong")]
    [InlineData("hai", "khong")]
    [InlineData("số 2", "khong")]
    [InlineData("câu 2", "khong")]
    [InlineData("2 ạ", "khong")]
    public void Yes_no_question_understands_chat_replies(string text, string optionId)
    {
        var chat = AtKnows().Send(text);

        Assert.Equal([optionId], chat.State!.Answers["knows"]);
    }

    [Theory]
    [InlineData("Nam.", "nam")]
    [InlineData("nam ạ", "nam")]
    [InlineData("NAM", "nam")]
    [InlineData("một", "nam")]
    [InlineData("hai", "nu")]
    [InlineData("nữ ạ", "nu")]
    public void Sex_is_read_from_the_word_or_the_number_word(string text, string optionId)
    {
        var chat = new Chat().Start("X07").Send("1", text);

        Assert.Equal([optionId], chat.State!.Answers["sex"]);
    }

    [Theory]
    [InlineData("ko biet", "kb")]
    [InlineData("không biết ạ", "kb")]
    [InlineData("k biết", "kb")]
    [InlineData("ko hài lòng", "4")]
    [InlineData("hài lòng ạ", "2")]
    [InlineData("năm", "5")]
    [InlineData("sáu", "kb")]
    public void Scale_answer_is_read_through_abbreviations_particles_and_number_words(string text, string optionId)
    {
        var chat = AtReceive().Send(text);

        Assert.Equal([optionId], chat.State!.Answers["receive"]);
    }

    [Theory]
    [InlineData("vâng")]
    [InlineData("dạ")]
    [InlineData("có ạ")]
    public void Polite_yes_is_no_answer_where_the_question_has_no_yes(string text)
    {
        var chat = new Chat().Start("X07").Send(text);

        Assert.Equal("age", chat.State!.CurrentQuestionId);
        Assert.Empty(chat.State.Answers);
        Assert.StartsWith(BotTexts.NotUnderstood, chat.Reply);
    }

    [Fact]
    public void Nam_without_its_mark_is_not_the_number_five()
    {
        var chat = AtReceive().Send("nam");

        Assert.DoesNotContain("receive", chat.State!.Answers.Keys);
        Assert.StartsWith(BotTexts.NotUnderstood, chat.Reply);
    }

    [Fact]
    public void Multiple_choice_numbers_may_end_with_a_particle()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1, 3 ạ");

        Assert.Equal(["dat_dai", "ho_tich"], chat.State!.Answers["field"]);
    }

    [Fact]
    public void Comment_is_kept_as_written_even_when_it_looks_like_a_chat_reply()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2", "Dạ không ạ");

        Assert.Equal(["Dạ không ạ"], chat.State!.Answers["comment"]);
    }

    [Theory]
    [InlineData("quay lại ạ")]
    [InlineData("Dạ, quay lại.")]
    public void Commands_may_come_with_particles_and_punctuation(string text)
    {
        var chat = new Chat().Start("X07").Send("2", text);

        Assert.Equal("age", chat.State!.CurrentQuestionId);
        Assert.Empty(chat.State.Answers);
    }

    [Fact]
    public void Skip_word_may_come_with_a_particle()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2", "bỏ qua ạ");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.DoesNotContain("comment", chat.State.Answers.Keys);
    }

    [Fact]
    public void Unclear_yes_no_gets_the_two_numbers_not_the_whole_question()
    {
        var chat = AtKnows().Send("có lẽ");

        Assert.Equal("Chưa rõ câu trả lời của ông/bà. Xin gửi một số từ 1 đến 2:\n1. Có\n2. Không", chat.Reply);
    }
}
