using System.Globalization;
using System.Net;
using System.Text;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Survey;

/// <summary>The survey end to end: signed events in, replies out to the fake Zalo server, responses stored.</summary>
public sealed class CitizenSurveyTests : BotTests
{
    /// <summary>A full run of the default PKS02 survey, knowing the chairman, with a comment.</summary>
    public static readonly string[] FullRun = ["2", "1", "1,3", "1", "2", "2", "1", "1", "2", "1", "Tốt lắm 👍", "1"];

    private async Task AnswerAsync(string userId, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.Equal(HttpStatusCode.OK, (await Bot.SendTextAsync(userId, text)).StatusCode);
            await Bot.IdleAsync();
        }
    }

    private IReadOnlyList<StoredResponse> Responses => Bot.Get<IResponseStore>().Stream("PKS02_2024").ToList();

    [Fact]
    public async Task A_full_survey_ends_in_exactly_one_stored_response_without_the_raw_user_id()
    {
        const string citizen = "5550001112223334445";
        await AnswerAsync(citizen, ["#X07", .. FullRun]);

        var response = Assert.Single(Responses);
        Assert.Equal("X07", response.CommuneCode);
        Assert.Equal(["25_49"], response.Answers["age"]);
        Assert.Equal(["dat_dai", "ho_tich"], response.Answers["field"]);
        Assert.Equal(["co"], response.Answers["knows"]);
        Assert.Equal(["Tốt lắm 👍"], response.Answers["comment"]);
        Assert.DoesNotContain(citizen, System.Text.Json.JsonSerializer.Serialize(response));
        Assert.Null(Bot.Get<IConversationStore>().Load(citizen));
        Assert.Contains("Câu 1/11", RepliesTo(citizen)[0]);
    }

    [Fact]
    public async Task A_new_follower_is_greeted_with_what_the_survey_is_and_asked_for_the_commune()
    {
        var follow = Fixtures.Fresh("follow.json");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostEventAsync(follow)).StatusCode);
        await Bot.IdleAsync();

        // The greeting fits one phone screen; the 25 communes to choose from come as a second message.
        var replies = RepliesTo("2468458835296197922");
        Assert.Equal(2, replies.Count);
        Assert.Contains("giữ kín", replies[0]);
        Assert.True(replies[0].Length <= ZaloBot.Zalo.ChatText.ScreenLength, $"the first message has {replies[0].Length} characters");
        Assert.Contains("7. Xã Tân Lập", replies[1]);
    }

    [Fact]
    public async Task The_same_citizen_coming_back_is_told_politely_they_already_took_part()
    {
        const string citizen = "5550001112223334446";
        await AnswerAsync(citizen, ["X07", .. FullRun]);
        await AnswerAsync(citizen, "X07");

        Assert.Single(Responses);
        Assert.Contains("đã gửi phiếu", RepliesTo(citizen)[^1]);
    }

    [Fact]
    public async Task Twenty_citizens_answering_at_once_in_different_communes_each_get_their_own_response()
    {
        var citizens = Enumerable.Range(0, 20).Select(i => (Id: "66600000000000000" + i.ToString("D2", CultureInfo.InvariantCulture), Commune: "X" + (i + 1).ToString("D2", CultureInfo.InvariantCulture))).ToList();
        foreach (var step in FullRun.Prepend("start"))
        {
            var posts = citizens.Select(c => Bot.SendTextAsync(c.Id, step == "start" ? c.Commune : step));
            Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            await Bot.IdleAsync();
        }

        var byCommune = Responses.ToDictionary(r => r.CommuneCode);
        Assert.Equal(20, byCommune.Count);
        Assert.Equal(citizens.Select(c => c.Commune).Order(), byCommune.Keys.Order());
        Assert.All(Responses, r => Assert.Equal(["Tốt lắm 👍"], r.Answers["comment"]));
    }

    [Fact]
    public async Task A_duplicate_delivery_of_the_final_confirmation_stores_one_response()
    {
        const string citizen = "5550001112223334447";
        await AnswerAsync(citizen, ["X07", .. FullRun[..^1]]);

        var confirm = Bot.TextEvent(citizen, "1");
        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Bot.PostEventAsync(confirm)));
        Assert.All(posts, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Bot.IdleAsync();
        await AnswerAsync(citizen, "1");

        Assert.Single(Responses);
    }

    [Fact]
    public async Task After_a_completed_survey_and_a_clean_shutdown_the_raw_zalo_id_is_nowhere_in_the_data_file()
    {
        const string citizen = "5550001112223334448";
        await AnswerAsync(citizen, ["X07", .. FullRun]);
        var dbPath = Path.Combine(Bot.DataDir, "survey.db");
        await Bot.RestartAsync(start: false); // stops the service cleanly (the log is folded into the data file)

        foreach (var file in Directory.GetFiles(Bot.DataDir))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(citizen)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(citizen)));
        }
        Assert.True(File.Exists(dbPath));
    }
}

public sealed class ClosedSurveyTests
{
    [Fact]
    public async Task Outside_the_window_the_citizen_gets_the_dates_and_nothing_is_stored()
    {
        var file = SurveyFiles.Window("2024-06-12T07:00:00", "2024-06-14T17:00:00");

        await using var zalo = await FakeZaloServer.StartAsync();
        await using var bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Survey:DefinitionPath"] = file });
        await bot.SendTextAsync("5550001112223334449", "X07");
        await bot.IdleAsync();

        var reply = Assert.Single(zalo.CallsTo("/v3.0/oa/message/cs")).Json["message"]!["text"]!.GetValue<string>();
        Assert.Contains("14/06/2024", reply);
        Assert.Empty(bot.Get<IResponseStore>().Stream("PKS02_2024").ToList());
        Assert.Null(bot.Get<IConversationStore>().Load("5550001112223334449"));
    }

    [Fact]
    public async Task A_broken_survey_file_stops_the_start_with_a_message_naming_the_problem()
    {
        var file = SurveyFiles.With(s => s["closesAt"] = "2020-01-01T00:00:00");

        var error = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            var code = await ZaloBotApp.RunAsync([$"--Survey:DefinitionPath={file}", "--urls=http://127.0.0.1:0", $"--Storage:Path={Path.ChangeExtension(file, ".db")}"]);
            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(error);
        }
        Assert.Contains("closesAt", captured.ToString());
    }
}

public sealed class ListButtonTests : BotTests
{
    private const string Citizen = "5550001112223334450";

    public override async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        Bot = await BotHost.StartAsync(Zalo, new Dictionary<string, string?> { ["Survey:UseListButtons"] = "true" });
    }

    [Fact]
    public async Task With_the_setting_a_question_also_comes_as_list_buttons_whose_payload_is_the_answer_number()
    {
        await Bot.SendTextAsync(Citizen, "X07");
        await Bot.IdleAsync();

        var message = Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs")).Json["message"]!;
        Assert.Contains("Câu 1/11", message["text"]!.GetValue<string>());
        var payload = message["attachment"]!["payload"]!;
        Assert.Equal("list", payload["template_type"]!.GetValue<string>());
        var elements = payload["elements"]!.AsArray();
        Assert.Equal(4, elements.Count);
        Assert.Equal("Dưới 25 tuổi", elements[0]!["title"]!.GetValue<string>());
        Assert.Equal(["1", "2", "3", "4"], elements.Select(e => e!["buttons"]![0]!["payload"]!.GetValue<string>()));
    }

    [Fact]
    public async Task When_zalo_refuses_the_buttons_the_plain_numbered_question_is_sent()
    {
        Zalo.Enqueue("/v3.0/oa/message/cs", """{"error":-233,"message":"message type invalid"}""");
        await Bot.SendTextAsync(Citizen, "X07");
        await Bot.IdleAsync();

        var calls = Zalo.CallsTo("/v3.0/oa/message/cs");
        Assert.Equal(2, calls.Count);
        Assert.Null(calls[1].Json["message"]!["attachment"]);
        Assert.Contains("1. Dưới 25 tuổi", RepliesTo(Citizen)[1]);
    }
}
