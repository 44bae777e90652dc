using System.Text;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class AnswerTests
{
    /// <summary>At question 5 ("receive", the five-level scale), having said they know the chairman.</summary>
    private static Chat AtReceive() => new Chat().Start("X07").Send("1", "1", "1", "1");

    /// <summary>At question 11 ("comment"), having said they do not know the chairman.</summary>
    private static Chat AtComment() => new Chat().Start("X07").Send("1", "1", "1", "2", "2", "2");

    [Theory]
    [InlineData("2", "25_49")]
    [InlineData("2.", "25_49")]
    [InlineData(" 2 ", "25_49")]
    [InlineData("2)", "25_49")]
    [InlineData("2 👍", "25_49")]
    [InlineData("2️⃣", "25_49")]
    [InlineData("25–49 tuổi", "25_49")]
    [InlineData("duoi 25 tuoi", "duoi25")]
    [InlineData("DƯỚI 25 TUỔI", "duoi25")]
    [InlineData("trên 60", "tren60")]
    [InlineData("Tren 60 tuoi", "tren60")]
    public void Single_choice_accepts_the_number_or_the_option_text(string text, string optionId)
    {
        var chat = new Chat().Start("X07").Send(text);

        Assert.Equal([optionId], chat.State!.Answers["age"]);
        Assert.Equal("sex", chat.State.CurrentQuestionId);
        Assert.StartsWith("Câu 2/11: Giới tính của ông/bà?\n1. Nam\n2. Nữ\n\nGửi số thứ tự", chat.Reply);
    }

    [Theory]
    [InlineData("hai long", "2")]
    [InlineData("Hài lòng", "2")]
    [InlineData("HÀI LÒNG", "2")]
    [InlineData("hài lòng 👍", "2")]
    [InlineData("rat hai long", "1")]
    [InlineData("Rất không hài lòng", "5")]
    [InlineData("khong hai long", "4")]
    [InlineData("binh thuong", "3")]
    [InlineData("không biết", "kb")]
    [InlineData("6", "kb")]
    public void Scale_answer_by_text_takes_the_exact_option_over_longer_ones(string text, string optionId)
    {
        var chat = AtReceive().Send(text);

        Assert.Equal([optionId], chat.State!.Answers["receive"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("9")]
    [InlineData("abc")]
    [InlineData("1,2")]
    [InlineData("tuổi")]
    [InlineData("   ")]
    public void Invalid_single_answer_gets_a_short_re_ask_with_the_answers_numbers(string text)
    {
        var chat = new Chat().Start("X07");
        var before = chat.State!;

        chat.Send(text);

        Assert.Equal(before with { LastActivityAt = chat.Now }, chat.State);
        Assert.Equal(
            "Chưa rõ câu trả lời của ông/bà. Xin gửi một số từ 1 đến 4:\n1. Dưới 25 tuổi\n2. 25–49 tuổi\n3. 50–60 tuổi\n4. Trên 60 tuổi",
            chat.Reply);
    }

    [Fact]
    public void Text_matching_several_options_is_not_guessed()
    {
        var chat = AtReceive().Send("không");

        Assert.Equal("receive", chat.State!.CurrentQuestionId);
        Assert.DoesNotContain("receive", chat.State.Answers.Keys);
    }

    [Theory]
    [InlineData("1,3", new[] { "dat_dai", "ho_tich" })]
    [InlineData("1 3", new[] { "dat_dai", "ho_tich" })]
    [InlineData("1;3", new[] { "dat_dai", "ho_tich" })]
    [InlineData("1, 3", new[] { "dat_dai", "ho_tich" })]
    [InlineData("3,1,", new[] { "dat_dai", "ho_tich" })]
    [InlineData("đất đai, hộ tịch", new[] { "dat_dai", "ho_tich" })]
    [InlineData("dat dai; 3", new[] { "dat_dai", "ho_tich" })]
    [InlineData("2", new[] { "chung_thuc" })]
    [InlineData("2, 2", new[] { "chung_thuc" })]
    [InlineData("1 2 3 4 5 6", new[] { "dat_dai", "chung_thuc", "ho_tich", "nguoi_co_cong", "bao_tro_xa_hoi", "khac" })]
    public void Multiple_choice_accepts_numbers_or_texts_in_any_separator(string text, string[] optionIds)
    {
        var chat = new Chat().Start("X07").Send("1", "1", text);

        Assert.Equal(optionIds, chat.State!.Answers["field"]);
        Assert.Equal("knows", chat.State.CurrentQuestionId);
    }

    [Theory]
    [InlineData("1,9")]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("1,abc")]
    [InlineData(",")]
    public void Invalid_multiple_choice_gets_a_short_re_ask_with_the_answers_numbers(string text)
    {
        var chat = new Chat().Start("X07").Send("1", "1", text);

        Assert.Equal("field", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Chưa rõ câu trả lời của ông/bà. Xin gửi các số từ 1 đến 6, cách nhau bằng dấu phẩy:\n1. Đất đai\n", chat.Reply);
        Assert.EndsWith("6. Lĩnh vực khác", chat.Reply);
        Assert.DoesNotContain("Câu 3/", chat.Reply);
    }

    [Fact]
    public void Multiple_choice_keeps_to_its_selection_limits()
    {
        var chat = new Chat(TestSurveys.Small, new SurveyEngineOptions()).Start("A1").Send("b", "5", "1,2,3");

        Assert.Equal("q4", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Xin chọn từ 1 đến 2 câu trả lời.", chat.Reply);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("10", "10")]
    [InlineData(" 7 ", "7")]
    [InlineData("7 👍", "7")]
    [InlineData("bảy", "7")]
    [InlineData("số 7", "7")]
    [InlineData("7 ạ", "7")]
    [InlineData("mười", "10")]
    public void Number_answer_within_limits_is_taken(string text, string value)
    {
        var chat = new Chat(TestSurveys.Small, new SurveyEngineOptions()).Start("A1").Send("b", text);

        Assert.Equal([value], chat.State!.Answers["q3"]);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("3.5")]
    [InlineData("nhiều")]
    [InlineData("mười một")]
    public void Number_answer_outside_limits_gets_a_hint(string text)
    {
        var chat = new Chat(TestSurveys.Small, new SurveyEngineOptions()).Start("A1").Send("b", text);

        Assert.Equal("q3", chat.State!.CurrentQuestionId);
        Assert.Equal("Chưa rõ câu trả lời của ông/bà. Xin gửi một số nguyên từ 0 đến 10.", chat.Reply);
    }

    [Fact]
    public void Knowing_the_chairman_shows_the_questions_about_him()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "có");

        Assert.Equal("receive", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Câu 5/11: Ông/bà đánh giá thế nào về việc Chủ tịch UBND xã tiếp công dân", chat.Reply);
    }

    [Fact]
    public void Not_knowing_the_chairman_skips_the_questions_about_him_without_a_gap_in_the_numbers()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "không");

        Assert.Equal("extra_pay", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Câu 5/7: Ông/bà có nhận được gợi ý trả thêm chi phí", chat.Reply);
    }

    [Fact]
    public void Comment_is_kept_as_written_with_its_emoji()
    {
        var chat = AtComment().Send(" Cán bộ nhiệt tình 👍 ");

        Assert.Equal(["Cán bộ nhiệt tình 👍"], chat.State!.Answers["comment"]);
        Assert.Equal(ConversationPhase.Confirming, chat.State.Phase);
    }

    [Fact]
    public void Comment_sent_decomposed_is_stored_composed()
    {
        var chat = AtComment().Send("Cán bộ tốt".Normalize(NormalizationForm.FormD));

        Assert.Equal(["Cán bộ tốt"], chat.State!.Answers["comment"]);
    }

    [Fact]
    public void Comment_longer_than_allowed_gets_a_hint()
    {
        var chat = AtComment().Send(new string('a', 1001));

        Assert.Equal("comment", chat.State!.CurrentQuestionId);
        Assert.StartsWith("Ý kiến dài 1001 ký tự, quá giới hạn 1000 ký tự.", chat.Reply);
    }

    [Fact]
    public void Longest_comment_still_fits_the_recap_in_one_message()
    {
        var chat = AtComment().Send(new string('a', 1000));

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Contains("- Câu 7. Ý kiến khác: aaa", chat.Reply);
        Assert.Contains("a…\n", chat.Reply);
    }

    [Theory]
    [InlineData("bỏ qua")]
    [InlineData("bo qua")]
    [InlineData("BỎ QUA")]
    [InlineData("  Bỏ   qua 🙏")]
    public void Optional_comment_can_be_skipped(string text)
    {
        var chat = AtComment();
        Assert.Contains("Nếu không muốn trả lời, gửi \"bỏ qua\".", chat.Reply);

        chat.Send(text);

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.DoesNotContain("comment", chat.State.Answers.Keys);
        Assert.Contains("- Câu 7. Ý kiến khác: (bỏ qua)", chat.Reply);
    }

    [Fact]
    public void Required_question_cannot_be_skipped()
    {
        var chat = new Chat().Start("X07").Send("bỏ qua");

        Assert.Equal("age", chat.State!.CurrentQuestionId);
        Assert.StartsWith(BotTexts.AnswerRequired + " Xin gửi một số từ 1 đến 4:\n1. Dưới 25 tuổi", chat.Reply);
    }

    [Fact]
    public void Skip_word_comes_from_the_options()
    {
        var chat = new Chat(TestSurveys.Default, new SurveyEngineOptions { SkipWord = "không có" });
        chat.Start("X07").Send("1", "1", "1", "2", "2", "2");
        Assert.Contains("gửi \"không có\"", chat.Reply);

        chat.Send("khong co");

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.DoesNotContain("comment", chat.State.Answers.Keys);
    }
}
