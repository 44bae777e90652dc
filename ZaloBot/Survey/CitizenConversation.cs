using System.Globalization;
using ZaloBot.Conversation;
using Reporting;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Survey;

/// <summary>
/// Walks a citizen through the survey: loads their unfinished response, lets the engine take the
/// message, stores what it returns, and queues the replies. A finished response is stored with a
/// respondent hash only, and the conversation that held the raw id is deleted.
/// </summary>
public sealed class CitizenConversation(
    SurveyCatalog catalog,
    ConversationStore conversations,
    ResponseStore responses,
    Outbox outbox,
    TimeProvider clock,
    ILogger<CitizenConversation> logger)
{
    public void OnFollow(string userId) => Reply(userId, Respond(userId, text: null));

    public void OnText(string userId, string text) => Reply(userId, Respond(userId, text));

    private IReadOnlyList<string> Respond(string userId, string? text)
    {
        var survey = catalog.Definition;
        var now = clock.GetUtcNow();
        var respondent = responses.RespondentKey(userId);
        if (responses.Find(survey.Id, respondent) is { } earlier)
            return [BotTexts.AlreadyAnswered(new DateTimeOffset(earlier.SubmittedAt, TimeSpan.Zero))];

        var state = conversations.Load(userId);
        var result = state is null ? catalog.Engine.Start(now, text) : catalog.Engine.Handle(state, text ?? "", now);

        if (result.Completed is { } done)
        {
            conversations.Delete(userId);
            if (!responses.TryAdd(ToStored(done, respondent)))
                return [BotTexts.AlreadyAnswered(now)];
            logger.LogInformation("Response stored for commune {Commune}", done.CommuneCode);
        }
        else if (result.State is null)
            conversations.Delete(userId);
        else
            conversations.Save(userId, result.State);
        return result.Replies;
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

    /// <summary>Replies of one turn go out as one Zalo message where they fit (2,000 characters).</summary>
    private void Reply(string userId, IReadOnlyList<string> replies)
    {
        foreach (var message in ChatText.Join(replies))
            outbox.SendText(userId, message);
    }
}
