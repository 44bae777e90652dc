using System.Text.Json.Serialization;

namespace ZaloBot.Conversation;

[JsonConverter(typeof(JsonStringEnumConverter<ConversationPhase>))]
public enum ConversationPhase
{
    ChoosingCommune,
    Answering,
    Confirming,

    /// <summary>After the recap, the citizen said they want to change something: which question?</summary>
    ChoosingRevision,
}

/// <summary>
/// Where one citizen is in the survey. Stored between messages, so it is plain data that System.Text.Json round-trips.
/// The engine never changes a state it was given: every turn returns a new one.
/// </summary>
public sealed record ConversationState
{
    public string SurveyId { get; init; } = "";
    public ConversationPhase Phase { get; init; }
    public string? CommuneCode { get; init; }

    /// <summary>Codes of the communes offered when the name sent matched several.</summary>
    public List<string> CommuneChoices { get; init; } = [];
    public string? CurrentQuestionId { get; init; }

    /// <summary>Answers of the questions in <see cref="History"/>, as option ids or one text; skipped questions have none.</summary>
    public Dictionary<string, List<string>> Answers { get; init; } = [];

    /// <summary>Questions answered or skipped, in the survey's order, so "quay lại" can step back and "sửa câu 3" find the third.</summary>
    public List<string> History { get; init; } = [];
    public bool Paused { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastActivityAt { get; init; }
}

/// <param name="State">The state to store, or null to delete it (submitted, or the survey is closed).</param>
/// <param name="Replies">Texts to send, in order; each shorter than Zalo's 2,000 characters.</param>
/// <param name="Completed">The response to save when this turn submitted it.</param>
public sealed record EngineResult(ConversationState? State, IReadOnlyList<string> Replies, CompletedResponse? Completed);

/// <summary>A submitted, anonymous response; flags mark it for review but never reject it.</summary>
public sealed record CompletedResponse(
    string SurveyId,
    string CommuneCode,
    Dictionary<string, List<string>> Answers,
    DateTimeOffset StartedAt,
    DateTimeOffset SubmittedAt,
    List<string> QualityFlags);
