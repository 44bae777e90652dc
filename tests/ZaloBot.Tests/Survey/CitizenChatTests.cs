using System.Net;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Survey;

/// <summary>The citizen's chat habits through the signed webhook: commune names, cancelling, changing an answer, "Đk…" comments.</summary>
public sealed class CitizenChatTests : BotTests
{
    private const string Citizen = "5550001112223334460";

    private async Task SayAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.Equal(HttpStatusCode.OK, (await Bot.SendTextAsync(Citizen, text)).StatusCode);
            await Bot.IdleAsync();
        }
    }

    private IReadOnlyList<StoredResponse> Responses => Bot.Get<IResponseStore>().Stream("PKS02_2024").ToList();

    private string LastReply => RepliesTo(Citizen)[^1];

    [Theory]
    [InlineData("Tân Lập")]
    [InlineData("xa tan lap")]
    public async Task A_commune_name_as_the_first_message_starts_the_survey_there_in_one_short_message(string text)
    {
        await SayAsync(text);

        var first = Assert.Single(RepliesTo(Citizen));
        Assert.Contains("Nơi khảo sát: Xã Tân Lập", first);
        Assert.Contains("Câu 1/11: Ông/bà thuộc độ tuổi nào?", first);
        Assert.DoesNotContain("Xã An Phú", first);
        Assert.True(first.Length <= 600, $"The first message has {first.Length} characters.");

        await SayAsync(CitizenSurveyTests.FullRun);
        Assert.Equal("X07", Assert.Single(Responses).CommuneCode);
    }

    [Fact]
    public async Task Xa_Tan_An_Hoi_as_the_first_message_is_not_mistaken_for_Tan_An()
    {
        await SayAsync(["Xã Tân An Hội", .. CitizenSurveyTests.FullRun]);

        Assert.Equal("X09", Assert.Single(Responses).CommuneCode);
    }

    [Theory]
    [InlineData("hủy")]
    [InlineData("thoát")]
    [InlineData("thôi")]
    [InlineData("không muốn trả lời")]
    public async Task Cancel_words_end_the_survey_politely_and_the_commune_code_starts_it_again(string word)
    {
        await SayAsync("X07", "2", word);

        Assert.Contains("Đã dừng khảo sát", LastReply);
        Assert.Contains("gửi \"X07\" để bắt đầu từ đầu", LastReply);
        Assert.Null(Bot.Get<IConversationStore>().Load(Citizen));
        Assert.Empty(Responses);

        await SayAsync(["X07", .. CitizenSurveyTests.FullRun]);
        Assert.Single(Responses);
    }

    [Fact]
    public async Task Sua_cau_n_from_the_recap_changes_that_answer_in_the_stored_response()
    {
        await SayAsync(["X07", .. CitizenSurveyTests.FullRun[..^1]]);
        Assert.Contains("- Câu 2. Giới tính: Nam\n", LastReply);

        await SayAsync("sửa câu 2");
        Assert.StartsWith("Trước đây ông/bà trả lời: Nam", LastReply);
        await SayAsync("nữ ạ");
        Assert.Contains("- Câu 2. Giới tính: Nữ\n", LastReply);
        await SayAsync("có ạ");

        var response = Assert.Single(Responses);
        Assert.Equal(["nu"], response.Answers["sex"]);
        Assert.Equal(["25_49"], response.Answers["age"]);
        Assert.Equal(["Tốt lắm 👍"], response.Answers["comment"]);
    }

    [Fact]
    public async Task A_comment_starting_with_Dk_is_stored_as_the_comment_not_taken_as_a_registration()
    {
        await SayAsync(["X07", .. CitizenSurveyTests.FullRun[..10], "Đk thủ tục nhanh gọn", "1"]);

        Assert.Equal(["Đk thủ tục nhanh gọn"], Assert.Single(Responses).Answers["comment"]);
        Assert.Null(Bot.Get<IStaffStore>().Find(Citizen));
    }

    [Fact]
    public async Task By_default_a_question_with_up_to_five_answers_comes_with_list_buttons_and_its_numbered_text()
    {
        await SayAsync("X07", "2", "1");

        var messages = Zalo.CallsTo("/v3.0/oa/message/cs").Select(c => c.Json["message"]!).ToList();
        var age = messages[0];
        Assert.Contains("1. Dưới 25 tuổi", age["text"]!.GetValue<string>());
        Assert.Equal(4, age["attachment"]!["payload"]!["elements"]!.AsArray().Count);
        Assert.Equal(2, messages[1]["attachment"]!["payload"]!["elements"]!.AsArray().Count);
        // Six answers are more than Zalo's list holds: the numbered text alone.
        Assert.Contains("6. Lĩnh vực khác", messages[2]["text"]!.GetValue<string>());
        Assert.Null(messages[2]["attachment"]);
    }
}
