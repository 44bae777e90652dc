using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class CommuneChoiceTests
{
    [Fact]
    public void Greeting_explains_the_survey_anonymity_answers_and_commands()
    {
        var greeting = new Chat().Start().Replies[0];

        Assert.StartsWith(TestSurveys.Default.Intro, greeting);
        Assert.Contains("giữ kín: không ghi tên, không ghi số điện thoại", greeting);
        Assert.Contains("vài phút", greeting);
        Assert.All(["\"quay lại\"", "\"hủy\"", "\"trợ giúp\""], command => Assert.Contains(command, greeting));
        Assert.Contains("Bộ câu hỏi mẫu", greeting);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var help = new Chat().Start("X07").Send("trợ giúp").Reply;

        Assert.All(["\"quay lại\"", "\"làm lại\"", "\"dừng\"", "\"hủy\"", "\"trợ giúp\"", "\"sửa câu 3\""], command => Assert.Contains(command, help));
    }

    [Theory]
    [InlineData("X07")]
    [InlineData("Tân Lập")]
    [InlineData("Xin chào #X07")]
    public void First_message_with_a_commune_fits_one_phone_screen_and_has_no_commune_list(string text)
    {
        var chat = new Chat().Start(text);

        // The service joins the replies of one turn into one Zalo message.
        var message = string.Join("\n\n", chat.Replies);
        Assert.True(message.Length <= 600, $"The first message has {message.Length} characters.");
        Assert.Contains("Câu 1/11: Ông/bà thuộc độ tuổi nào?", message);
        Assert.DoesNotContain("Xã An Phú", message);
    }

    [Theory]
    [InlineData("X07")]
    [InlineData("#X07")]
    [InlineData("x07")]
    [InlineData(" # x07 ")]
    [InlineData("Xin chào #X07")]
    [InlineData("xin chào x07 👋")]
    [InlineData("#x07, tôi muốn góp ý")]
    [InlineData("Tân Lập")]
    [InlineData("xa tan lap")]
    [InlineData("Xã Tân Lập.")]
    [InlineData("TÂN LẬP ạ")]
    public void Commune_code_or_name_in_the_first_message_goes_straight_to_the_first_question(string text)
    {
        var chat = new Chat().Start(text);

        Assert.Equal((ConversationPhase.Answering, "X07", "age"), (chat.State!.Phase, chat.State.CommuneCode, chat.State.CurrentQuestionId));
        Assert.Equal(2, chat.Replies.Count);
        Assert.Contains("Nơi khảo sát: Xã Tân Lập", chat.Replies[1]);
        Assert.Contains("Câu 1/11: Ông/bà thuộc độ tuổi nào?", chat.Replies[1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Xin chào")]
    [InlineData("X99")]
    [InlineData("X07 X08")]
    [InlineData("X 07")]
    [InlineData("7")]
    [InlineData("Xã")]
    [InlineData("Có")]
    public void Without_a_known_commune_the_first_message_asks_for_the_commune(string? text)
    {
        var chat = new Chat().Start(text);

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Null(chat.State.CommuneCode);
        Assert.Contains("xã, thị trấn nào?\n1. Xã An Phú\n2. Xã Bình Minh", chat.Replies[1]);
        Assert.Contains("25. Thị trấn Chợ Mới\nGửi số thứ tự hoặc tên", chat.Replies[1]);
    }

    [Theory]
    [InlineData("7", "X07")]
    [InlineData("7.", "X07")]
    [InlineData(" 7) ", "X07")]
    [InlineData("X07", "X07")]
    [InlineData("#x07", "X07")]
    [InlineData("xa tan lap", "X07")]
    [InlineData("tan lap", "X07")]
    [InlineData("Tân Lập", "X07")]
    [InlineData("  TÂN   LẬP 👍", "X07")]
    [InlineData("Tân An", "X08")]
    [InlineData("tan an hoi", "X09")]
    [InlineData("dong hung", "X04")]
    [InlineData("Xã Đông Hưng", "X04")]
    [InlineData("thi tran cho moi", "TT01")]
    [InlineData("tt cho moi", "TT01")]
    [InlineData("Phước Long A", "X05")]
    [InlineData("25", "TT01")]
    public void Commune_is_found_by_number_code_or_name(string text, string code)
    {
        var chat = new Chat().Start().Send(text);

        Assert.Equal((ConversationPhase.Answering, code), (chat.State!.Phase, chat.State.CommuneCode));
        Assert.Contains("Câu 1/11", chat.Reply);
    }

    [Theory]
    [InlineData("Xã Tân An Hội", "X09")]
    [InlineData("tan an", "X08")]
    [InlineData("Chợ Mới", "TT01")]
    public void First_message_naming_a_commune_starts_there(string text, string code)
    {
        var chat = new Chat().Start(text);

        Assert.Equal((ConversationPhase.Answering, code), (chat.State!.Phase, chat.State.CommuneCode));
    }

    [Fact]
    public void First_message_naming_several_communes_offers_just_those()
    {
        var chat = new Chat().Start("Tân");

        Assert.Equal(["X07", "X08", "X09"], chat.State!.CommuneChoices);
        Assert.Contains("Có 3 xã, thị trấn gần giống", chat.Replies[1]);
        Assert.DoesNotContain("Xã An Phú", chat.Replies[1]);
    }

    [Theory]
    [InlineData("tân", new[] { "X07", "X08", "X09" })]
    [InlineData("an", new[] { "X01", "X08", "X09" })]
    [InlineData("Hòa", new[] { "X03", "X13", "X15", "X19", "X23" })]
    public void Communes_sharing_the_name_sent_are_offered_to_choose_from(string text, string[] codes)
    {
        var chat = new Chat().Start().Send(text);

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Equal(codes, chat.State.CommuneChoices);
        Assert.Contains($"Có {codes.Length} xã, thị trấn gần giống", chat.Reply);
    }

    [Fact]
    public void Offered_communes_are_chosen_by_their_number_in_the_short_list()
    {
        var chat = new Chat().Start().Send("tân");
        Assert.Contains("1. Xã Tân Lập\n2. Xã Tân An\n3. Xã Tân An Hội\n", chat.Reply);

        chat.Send("2");

        Assert.Equal("X08", chat.State!.CommuneCode);
        Assert.Empty(chat.State.CommuneChoices);
    }

    [Fact]
    public void Number_outside_the_short_list_asks_again_from_it()
    {
        var chat = new Chat().Start().Send("tân", "9");

        Assert.Equal(["X07", "X08", "X09"], chat.State!.CommuneChoices);
        Assert.StartsWith(BotTexts.CommuneNotFound, chat.Reply);
        Assert.Contains("3. Xã Tân An Hội", chat.Reply);
    }

    [Fact]
    public void Name_sent_instead_of_a_short_list_number_is_searched_among_all_communes()
    {
        var chat = new Chat().Start().Send("tân", "Bình Minh");

        Assert.Equal("X02", chat.State!.CommuneCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("26")]
    [InlineData("xa")]
    [InlineData("Xã Tân Lập 👍 quay lại")]
    public void Unknown_commune_gets_a_hint_and_the_list_again(string text)
    {
        var chat = new Chat().Start().Send(text);

        Assert.Equal(ConversationPhase.ChoosingCommune, chat.State!.Phase);
        Assert.Null(chat.State.CommuneCode);
        Assert.StartsWith(BotTexts.CommuneNotFound, chat.Reply);
        Assert.Contains("1. Xã An Phú", chat.Reply);
    }
}
