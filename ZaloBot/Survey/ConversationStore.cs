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

    /// <summary>Every conversation as stored (its key a hash, its state as JSON): for a copy between stores.</summary>
    IReadOnlyList<SavedConversation> All();

    /// <summary>Stores a conversation as it was read by <see cref="All"/>, replacing one with the same key.</summary>
    void Import(SavedConversation conversation);
}

/// <summary>A conversation as stored: the hash of the citizen's id, the state as JSON, when it last changed.</summary>
public sealed record SavedConversation(string Key, string State, DateTime UpdatedAt);
