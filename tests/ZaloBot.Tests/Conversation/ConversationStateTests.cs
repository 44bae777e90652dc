using System.Text.Json;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class ConversationStateTests
{
    [Fact]
    public void State_survives_a_round_trip_through_System_Text_Json()
    {
        var chat = new Chat().Start("X07").Send("2", "1", "1, 3");
        var stored = JsonSerializer.Serialize(chat.State);

        var restored = JsonSerializer.Deserialize<ConversationState>(stored)!;

        Assert.Contains("\"Phase\":\"Answering\"", stored);
        Assert.Equal(stored, JsonSerializer.Serialize(restored));
        var engine = new SurveyEngine(TestSurveys.Default, new SurveyEngineOptions());
        var next = engine.Handle(restored, "có", chat.Now.AddSeconds(10));
        Assert.Equal("receive", next.State!.CurrentQuestionId);
        Assert.Equal(["dat_dai", "ho_tich"], next.State.Answers["field"]);
    }

    [Theory]
    [InlineData("có")]
    [InlineData("quay lại")]
    [InlineData("làm lại")]
    [InlineData("dừng")]
    public void The_state_given_to_the_engine_is_never_changed(string text)
    {
        var chat = new Chat().Start("X07").Send("2", "1", "1, 3");
        var before = JsonSerializer.Serialize(chat.State);

        ReplyAssert.Valid(new SurveyEngine(TestSurveys.Default, new SurveyEngineOptions()).Handle(chat.State, text, chat.Now));

        Assert.Equal(before, JsonSerializer.Serialize(chat.State));
    }
}
