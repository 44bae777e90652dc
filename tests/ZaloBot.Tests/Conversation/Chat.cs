using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

/// <summary>One citizen's chat with the engine, on a clock the test moves; every reply is checked as Zalo would need it.</summary>
internal sealed class Chat(SurveyDefinition survey, SurveyEngineOptions options)
{
    /// <summary>A weekday morning at the desk, inside the default survey's window.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly SurveyEngine engine = new(survey, options);

    public Chat() : this(TestSurveys.Default, new SurveyEngineOptions())
    {
    }

    public ConversationState? State { get; private set; }
    public CompletedResponse? Completed { get; private set; }
    public IReadOnlyList<string> Replies { get; private set; } = [];
    public string Reply => Assert.Single(Replies);
    public DateTimeOffset Now { get; set; } = Morning;

    /// <summary>Time between two messages of the citizen.</summary>
    public TimeSpan Step { get; set; } = TimeSpan.FromSeconds(10);

    public Chat Start(string? text = null) => Apply(engine.Start(Now, text));

    public Chat Send(params string[] texts)
    {
        foreach (var text in texts)
        {
            Now += Step;
            Apply(engine.Handle(State, text, Now));
        }
        return this;
    }

    private Chat Apply(EngineResult result)
    {
        Replies = ReplyAssert.Valid(result);
        State = result.State;
        Completed = result.Completed;
        return this;
    }
}

internal static class ReplyAssert
{
    /// <summary>Every turn answers, and every message is non-empty and fits in one Zalo text message.</summary>
    public static IReadOnlyList<string> Valid(EngineResult result)
    {
        Assert.NotEmpty(result.Replies);
        Assert.All(result.Replies, reply =>
        {
            Assert.False(string.IsNullOrWhiteSpace(reply));
            Assert.True(reply.Length < 2000, $"A reply has {reply.Length} characters.");
        });
        return result.Replies;
    }
}
