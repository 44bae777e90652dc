using System.Globalization;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class CompletionTests
{
    /// <summary>A whole survey by someone who does not know the chairman: 8 messages after the greeting.</summary>
    private static readonly string[] ShortRun = ["1", "1", "1", "2", "2", "2", "bỏ qua", "1"];

    [Fact]
    public void Full_run_submits_the_answers_after_the_recap()
    {
        var chat = new Chat().Start("Xin chào #X07")
            .Send("2", "Nữ", "1, 3", "có", "hài lòng", "1", "6", "3", "không", "rat hai long", "Cán bộ nhiệt tình 👍");
        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.StartsWith("Xin ông/bà xem lại các câu trả lời:\n- Xã, thị trấn: Xã Tân Lập\n- Câu 1. Độ tuổi: 25–49 tuổi\n", chat.Reply);
        Assert.Contains("- Câu 3. Lĩnh vực thủ tục: Đất đai, Hộ tịch\n", chat.Reply);
        Assert.Contains("- Câu 11. Ý kiến khác: Cán bộ nhiệt tình 👍\n", chat.Reply);
        Assert.EndsWith(
            "Ông/bà có đồng ý gửi phiếu không?\n1. Có, gửi phiếu\n2. Không, tôi muốn sửa\n" +
            "Gửi số 1 hoặc 2. Muốn sửa một câu, gửi \"sửa câu\" và số câu (ví dụ: sửa câu 3).", chat.Reply);

        chat.Send("1");

        Assert.Null(chat.State);
        Assert.Equal(TestSurveys.Default.Thanks, chat.Reply);
        var completed = chat.Completed!;
        Assert.Equal(("PKS02_2024", "X07", Chat.Morning, chat.Now), (completed.SurveyId, completed.CommuneCode, completed.StartedAt, completed.SubmittedAt));
        Assert.Empty(completed.QualityFlags);
        Assert.Equal(new Dictionary<string, List<string>>
        {
            ["age"] = ["25_49"], ["sex"] = ["nu"], ["field"] = ["dat_dai", "ho_tich"], ["knows"] = ["co"],
            ["receive"] = ["2"], ["direct"] = ["1"], ["duty"] = ["kb"], ["ethics"] = ["3"],
            ["extra_pay"] = ["khong"], ["overall"] = ["1"], ["comment"] = ["Cán bộ nhiệt tình 👍"],
        }, completed.Answers);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("gửi")]
    [InlineData("Gửi phiếu")]
    [InlineData("dong y")]
    [InlineData("OK")]
    [InlineData("ok 👍")]
    [InlineData("có")]
    [InlineData("Có.")]
    [InlineData("có ạ")]
    [InlineData("dạ có")]
    [InlineData("vâng")]
    [InlineData("Dạ")]
    [InlineData("đồng ý ạ")]
    [InlineData("số 1")]
    public void Confirmation_accepts_the_number_or_a_word_of_assent(string text)
    {
        var chat = new Chat().Start("X07").Send(ShortRun[..^1]).Send(text);

        Assert.Null(chat.State);
        Assert.NotNull(chat.Completed);
    }

    [Theory]
    [InlineData("sửa lại từ đầu")]
    [InlineData("sua lai tu dau")]
    public void Revising_from_the_start_asks_the_questions_again_for_the_same_commune(string text)
    {
        var chat = new Chat().Start("X07").Send(ShortRun[..^1]).Send(text);

        Assert.Equal((ConversationPhase.Answering, "X07", "age"), (chat.State!.Phase, chat.State.CommuneCode, chat.State.CurrentQuestionId));
        Assert.Empty(chat.State.Answers);
        Assert.Equal(Chat.Morning, chat.State.StartedAt);
        Assert.Null(chat.Completed);
        Assert.StartsWith(BotTexts.Revising, chat.Reply);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("abc")]
    public void Unclear_confirmation_asks_the_yes_or_no_again_briefly(string text)
    {
        var chat = new Chat().Start("X07").Send(ShortRun[..^1]).Send(text);

        Assert.Equal(ConversationPhase.Confirming, chat.State!.Phase);
        Assert.Null(chat.Completed);
        Assert.Equal(
            "Chưa rõ câu trả lời của ông/bà. Ông/bà có đồng ý gửi phiếu không?\n1. Có, gửi phiếu\n2. Không, tôi muốn sửa",
            chat.Reply);
    }

    [Theory]
    [InlineData("09:00", 120, new string[0])]
    [InlineData("09:00", 60, new string[0])]
    [InlineData("09:00", 59, new[] { QualityFlags.TooFast })]
    [InlineData("09:00", 30, new[] { QualityFlags.TooFast })]
    [InlineData("19:58", 120, new[] { QualityFlags.OutsideDeskHours })]
    [InlineData("19:59:30", 30, new[] { QualityFlags.TooFast, QualityFlags.OutsideDeskHours })]
    [InlineData("06:55", 120, new[] { QualityFlags.OutsideDeskHours })]
    [InlineData("06:58", 120, new string[0])]
    [InlineData("17:28", 120, new string[0])]
    [InlineData("17:29", 120, new[] { QualityFlags.OutsideDeskHours })]
    public void Submission_is_flagged_when_too_fast_or_outside_desk_hours(string startTime, int seconds, string[] flags)
    {
        var start = new DateTimeOffset(new DateOnly(2026, 11, 3), TimeOnly.Parse(startTime, CultureInfo.InvariantCulture), TimeSpan.FromHours(7));
        var chat = new Chat { Now = start, Step = TimeSpan.FromSeconds(seconds) / ShortRun.Length };

        chat.Start("X07").Send(ShortRun);

        Assert.Equal(start.AddSeconds(seconds), chat.Completed!.SubmittedAt);
        Assert.Equal(flags, chat.Completed.QualityFlags);
    }
}
