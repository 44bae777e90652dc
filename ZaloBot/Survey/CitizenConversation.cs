using Microsoft.Extensions.Options;
using ZaloBot.Conversation;
using Reporting;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Survey;

/// <summary>
/// Walks a citizen through the survey: loads their unfinished response, lets the engine take the
/// message, stores what it returns, and queues the replies, all inside the event's transaction. A
/// finished response is stored with a respondent hash only, and the conversation that held the raw
/// id is deleted in the same commit.
/// </summary>
public sealed class CitizenConversation(
    SurveyCatalog catalog,
    IConversationStore conversations,
    IResponseStore responses,
    Secrets secrets,
    Outbox outbox,
    IOptions<SurveyEngineOptions> options,
    TimeProvider clock,
    ILogger<CitizenConversation> logger)
{
    public void OnFollow(string userId) => Respond(userId, text: null);

    public void OnText(string userId, string text) => Respond(userId, text);

    private void Respond(string userId, string? text)
    {
        var result = Converse(userId, text);
        Reply(userId, result.Replies, ButtonsFor(result.State));
    }

    private EngineResult Converse(string userId, string? text)
    {
        var survey = catalog.Definition;
        var now = clock.GetUtcNow();
        var respondent = RespondentKey(userId);
        if (responses.Find(survey.Id, respondent) is { } earlier)
            return Say(BotTexts.AlreadyAnswered(new DateTimeOffset(earlier.SubmittedAt, TimeSpan.Zero)));

        var state = conversations.Load(userId);
        var result = state is null ? catalog.Engine.Start(now, text) : catalog.Engine.Handle(state, text ?? "", now);

        if (result.Completed is { } done)
        {
            var stored = responses.TryAdd(ToStored(done, respondent));
            conversations.Delete(userId);
            if (!stored)
                return Say(BotTexts.AlreadyAnswered(now));
            logger.LogInformation("Response stored for commune {Commune}", done.CommuneCode);
        }
        else if (result.State is null)
            conversations.Delete(userId);
        else
            conversations.Save(userId, result.State);
        return result;
    }

    /// <summary>A keyed hash of the citizen's Zalo id: what a stored response carries instead of the id.</summary>
    public string RespondentKey(string zaloUserId) => secrets.Hash("respondent", zaloUserId);

    private static EngineResult Say(string text) => new(null, [text], null);

    /// <summary>With <c>Survey:UseListButtons</c>, a question's answers (up to Zalo's 5) also come as buttons.</summary>
    private IReadOnlyList<string>? ButtonsFor(ConversationState? state)
    {
        if (!options.Value.UseListButtons || state is not { Phase: ConversationPhase.Answering, Paused: false, CurrentQuestionId: { } id })
            return null;
        var question = catalog.Definition.Question(id);
        return question.Options.Count is > 0 and <= 5 ? question.Options.Select(o => o.Text).ToList() : null;
    }

    private static StoredResponse ToStored(CompletedResponse done, string respondent) => new()
    {
        SurveyId = done.SurveyId,
        RespondentKey = respondent,
        CommuneCode = done.CommuneCode,
        Answers = done.Answers,
        StartedAt = done.StartedAt.UtcDateTime,
        SubmittedAt = done.SubmittedAt.UtcDateTime,
        DurationSeconds = Math.Round((done.SubmittedAt - done.StartedAt).TotalSeconds, 1),
        QualityFlags = done.QualityFlags,
    };

    /// <summary>Replies of one turn go out as one Zalo message where they fit (2,000 characters); buttons ride on the last.</summary>
    private void Reply(string userId, IReadOnlyList<string> replies, IReadOnlyList<string>? buttons)
    {
        var messages = ChatText.Join(replies).ToList();
        for (var i = 0; i < messages.Count; i++)
            outbox.Enqueue(i == messages.Count - 1 && buttons is not null
                ? new OutboundMessage(OutboundKind.UserList, userId, messages[i], Buttons: buttons)
                : new OutboundMessage(OutboundKind.UserText, userId, messages[i]));
    }
}
