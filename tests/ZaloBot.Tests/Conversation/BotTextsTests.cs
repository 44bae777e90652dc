using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class BotTextsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Already_answered_gives_the_submission_time_in_Vietnam_time(int offsetHours)
    {
        var submittedAt = new DateTimeOffset(2026, 11, 3, 2, 5, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offsetHours));

        var text = BotTexts.AlreadyAnswered(submittedAt);

        Assert.Equal(
            "Ông/bà đã gửi phiếu khảo sát lúc 03/11/2026 09:05. Mỗi người chỉ trả lời một lần. Cảm ơn ông/bà đã tham gia!",
            text);
    }

    [Fact]
    public void Message_too_long_for_Zalo_is_cut_below_the_limit_without_splitting_an_emoji()
    {
        var fitted = BotTexts.Fit(new string('a', 1991) + "😀😀😀😀😀😀");

        Assert.True(fitted.Length < BotTexts.MessageLimit);
        Assert.EndsWith("😀…", fitted);
    }
}
