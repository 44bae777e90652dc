using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Xã Tân Lập", "xa tan lap")]
    [InlineData("XÃ TÂN LẬP", "xa tan lap")]
    [InlineData("Xa\u0303 Ta\u0302n La\u0323\u0302p", "xa tan lap")] // decomposed, as some clients send it
    [InlineData("Đồng ý", "dong y")]
    [InlineData("ĐỨC THẮNG", "duc thang")]
    [InlineData("Hoà Bình", "hoa binh")]
    [InlineData("Hòa Bình", "hoa binh")]
    [InlineData("  Hài   lòng \t\n", "hai long")]
    [InlineData("Hài lòng 👍", "hai long")]
    [InlineData("2 👍🏽", "2")]
    [InlineData("2️⃣", "2")]
    [InlineData("👨‍👩‍👧 ok", "ok")]
    [InlineData("Người có công", "nguoi co cong")]
    [InlineData("#X07", "#x07")]
    [InlineData("1, 3", "1, 3")]
    [InlineData("", "")]
    public void Fold_strips_case_marks_emoji_and_extra_spaces(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));
}
