using ZaloBot.Conversation;

namespace ZaloBot.Survey;

/// <summary>
/// Where a citizen's survey in progress waits between messages, keyed by a hash of their Zalo id.
/// Deleted when the response is submitted, so nothing links the citizen to their answers afterwards.
/// </summary>
public interface IConversationStore
{
    ConversationState? Load(string userId);

    void Save(string userId, ConversationState state);

    void Delete(string userId);

    /// <summary>Deletes up to <paramref name="batch"/> conversations last touched before <paramref name="before"/>.</summary>
    int DeleteIdleSince(DateTime before, int batch);
}
