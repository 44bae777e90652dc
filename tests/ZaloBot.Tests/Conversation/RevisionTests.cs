using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

/// <summary>Changing one answer from the recap, without answering everything again.</summary>
public sealed class RevisionTests
{
    /// <summary>At the recap, not knowing the chairman: 7 questions (age, sex, field, knows, extra_pay, overall, comment).</summary>
    private static Chat AtRecap() => new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2", "Tốt");

    [Theory]
    [InlineData("sửa câu 2")]
    [InlineData("Sua cau 2")]
    [InlineData("sửa 2")]
    [InlineData("câu 2")]
    [InlineData("sửa câu số 2 ạ")]
    public void Sua_cau_n_asks_that_question_again_showing_its_answer(string text)
    {
        var chat = AtRecap().Send(text);

        Assert.Equal((ConversationPhase.Answering, "sex"), (chat.State!.Phase, chat.State.CurrentQuestionId));
        Assert.StartsWith("Trước đây ông/bà trả lời: Nam\n\nCâu 2/7: Giới tính của ông/bà?", chat.Reply);
    }

    [Fact]
    public void The_changed_answer_returns_to_the_recap_with_the_other_answers_kept()
    {
        var chat = AtRecap().Send("sửa câu 2", "2");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Contains("- Câu 2. Giới tính: Nữ\n", chat.Reply);
        Assert.Contains("- Câu 7. Ý kiến khác: Tốt\n", chat.Reply);

        chat.Send("1");

        Assert.Equal(["nu"], chat.Completed!.Answers["sex"]);
        Assert.Equal(["Tốt"], chat.Completed.Answers["comment"]);
        Assert.Equal(7, chat.Completed.Answers.Count);
    }

    [Fact]
    public void A_number_alone_above_two_at_the_recap_is_the_question_to_change()
    {
        var chat = AtRecap().Send("6");

        Assert.Equal("overall", chat.State!.CurrentQuestionId);
        Assert.Contains("Câu 6/7: Mức độ hài lòng chung", chat.Reply);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("không")]
    [InlineData("ko ạ")]
    [InlineData("sửa")]
    public void No_at_the_recap_asks_which_question_to_change_and_its_number_alone_is_enough(string text)
    {
        var chat = AtRecap().Send(text);
        Assert.Equal(ConversationPhase.ChoosingRevision, chat.State!.Phase);
        Assert.StartsWith("Ông/bà muốn sửa câu nào? Xin gửi số câu, từ 1 đến 7 (ví dụ: 3).", chat.Reply);

        chat.Send("1", "3");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Contains("- Câu 1. Độ tuổi: 50–60 tuổi\n", chat.Reply);
    }

    [Fact]
    public void Unclear_question_number_is_asked_again_briefly_and_back_returns_to_the_recap()
    {
        var chat = AtRecap().Send("2", "9");
        Assert.Equal(ConversationPhase.ChoosingRevision, chat.State!.Phase);
        Assert.Equal("Chưa rõ câu trả lời của ông/bà. Xin gửi số câu cần sửa, từ 1 đến 7 (ví dụ: 3).", chat.Reply);

        chat.Send("quay lại");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.StartsWith("Xin ông/bà xem lại các câu trả lời:", chat.Reply);
    }

    [Fact]
    public void Sua_cau_beyond_the_questions_answered_asks_which_one()
    {
        var chat = AtRecap().Send("sửa câu 20");

        Assert.Equal(ConversationPhase.ChoosingRevision, chat.State!.Phase);
        Assert.Contains("từ 1 đến 7", chat.Reply);
    }

    [Fact]
    public void Changing_an_answer_that_shows_more_questions_asks_just_those_then_the_recap()
    {
        var chat = AtRecap().Send("sửa câu 4", "có");
        Assert.Equal("receive", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Câu 5/11:", chat.Reply);

        chat.Send("1", "2", "3", "4");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Contains("- Câu 8. Đạo đức, lối sống: Không hài lòng\n- Câu 9. Gợi ý trả thêm chi phí: Không\n", chat.Reply);
        chat.Send("1");
        Assert.Equal(11, chat.Completed!.Answers.Count);
    }

    [Fact]
    public void Changing_an_answer_that_hides_questions_drops_their_answers()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "1", "1", "1", "1", "1", "2", "1", "bỏ qua");
        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);

        chat.Send("sửa câu 4", "không");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Contains("- Câu 5. Gợi ý trả thêm chi phí: Không\n", chat.Reply);
        chat.Send("1");
        Assert.Equal(["age", "sex", "field", "knows", "extra_pay", "overall"], chat.Completed!.Answers.Keys);
    }

    [Fact]
    public void Back_while_changing_an_answer_shows_the_question_before_and_then_the_recap()
    {
        var chat = AtRecap().Send("sửa câu 6", "quay lại");
        Assert.Equal("extra_pay", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Trước đây ông/bà trả lời: Không\n\nCâu 5/7", chat.Reply);

        chat.Send("có");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Contains("- Câu 5. Gợi ý trả thêm chi phí: Có\n- Câu 6. Hài lòng chung: Hài lòng\n", chat.Reply);
    }

    [Fact]
    public void Changing_the_optional_comment_to_skipped_drops_it()
    {
        var chat = AtRecap().Send("sửa câu 7", "bỏ qua");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.DoesNotContain("comment", chat.State.Answers.Keys);
        Assert.Contains("- Câu 7. Ý kiến khác: (bỏ qua)", chat.Reply);
    }

    [Fact]
    public void Unclear_answer_while_changing_is_asked_again_briefly()
    {
        var chat = AtRecap().Send("sửa câu 2", "abc");

        Assert.Equal("sex", chat.State!.CurrentQuestionId);
        Assert.Equal("Chưa rõ câu trả lời của ông/bà. Xin gửi một số từ 1 đến 2:\n1. Nam\n2. Nữ", chat.Reply);
    }
}
