using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

public sealed class StaffCommandTests
{
    [Theory]
    [InlineData("LUOT 35")]
    [InlineData("luot 35")]
    [InlineData("Lượt: 35")]
    [InlineData("luot35")]
    [InlineData("#luot 35")]
    [InlineData("LUOT 35 người")]
    public void Visitor_counts_parse_with_or_without_case_diacritics_colon_or_space(string text)
    {
        var command = StaffCommand.Parse(text);

        Assert.Equal(StaffCommandKind.Visitors, command?.Kind);
        Assert.True(command!.Valid);
        Assert.Equal(35, command.Number);
    }

    [Theory]
    [InlineData("LUOT")]
    [InlineData("LUOT -5")]
    [InlineData("Lượt người đông quá")]
    [InlineData("LUOT 99999999999")]
    public void A_count_without_a_whole_number_is_not_valid(string text) =>
        Assert.False(StaffCommand.Parse(text)!.Valid);

    [Theory]
    [InlineData("Xin chào")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("luotxem")]
    public void Text_that_does_not_start_with_a_keyword_is_no_command(string text) =>
        Assert.Null(StaffCommand.Parse(text));

    [Theory]
    [InlineData("ĐK X07 TL2024AB", StaffCommandKind.Register, new[] { "x07", "tl2024ab" })]
    [InlineData("Tiến độ", StaffCommandKind.Progress, new string[0])]
    [InlineData("TIENDO X07", StaffCommandKind.Progress, new[] { "x07" })]
    [InlineData("Báo cáo", StaffCommandKind.Digest, new string[0])]
    [InlineData("MAMOI HUYEN MOI123", StaffCommandKind.SetCode, new[] { "huyen", "moi123" })]
    [InlineData("Thoát", StaffCommandKind.BackToStaff, new string[0])]
    [InlineData("menu", StaffCommandKind.Help, new string[0])]
    [InlineData("Hướng dẫn", StaffCommandKind.Help, new string[0])]
    [InlineData("khảo sát", StaffCommandKind.AnswerAsCitizen, new string[0])]
    [InlineData("Đăng ký huyện HUYEN2024", StaffCommandKind.Register, new[] { "huyen", "huyen2024" })]
    [InlineData("dang ky X07 TL2024AB", StaffCommandKind.Register, new[] { "x07", "tl2024ab" })]
    [InlineData("Đăng kí X07 TL2024AB", StaffCommandKind.Register, new[] { "x07", "tl2024ab" })]
    public void Commands_keep_the_words_after_their_keyword(string text, StaffCommandKind kind, string[] words)
    {
        var command = StaffCommand.Parse(text)!;

        Assert.Equal(kind, command.Kind);
        Assert.Equal(words, command.Words);
        Assert.True(command.Valid);
    }

    [Theory]
    [InlineData("Đk thủ tục nhanh gọn")]
    [InlineData("ĐK tốt")]
    [InlineData("Đăng ký kết hôn nhanh")]
    [InlineData("dang ky dat dai")]
    public void Dk_not_followed_by_a_commune_or_HUYEN_is_no_command(string text) =>
        Assert.Null(StaffCommand.Parse(text, _ => null));

    [Theory]
    [InlineData("DK Tân Lập TL2024AB")]
    [InlineData("dk xa tan lap TL2024AB")]
    public void A_registration_may_name_the_commune_and_gives_its_code(string text)
    {
        var command = StaffCommand.Parse(text, words => words is "tan lap" or "xa tan lap" ? "X07" : null)!;

        Assert.Equal(StaffCommandKind.Register, command.Kind);
        Assert.Equal(["x07", "tl2024ab"], command.Words);
        Assert.True(command.Valid);
    }

    [Theory]
    [InlineData("DK X99 TL2024AB", new[] { "x99", "tl2024ab" })]
    [InlineData("DK X07", new[] { "x07" })]
    public void Dk_with_something_shaped_like_a_commune_code_is_a_registration_to_answer(string text, string[] words)
    {
        var command = StaffCommand.Parse(text, _ => null)!;

        Assert.Equal(StaffCommandKind.Register, command.Kind);
        Assert.Equal(words, command.Words);
    }
}
