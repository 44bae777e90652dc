using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using ZaloBot.Conversation;
using ZaloBot.Storage;

namespace ZaloBot.Survey;

/// <summary>An unfinished response, keyed by a hash of the citizen's Zalo id.</summary>
public sealed class StoredConversation
{
    [BsonId]
    public string Key { get; set; } = "";

    public string StateJson { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Where a citizen's survey in progress waits between messages. Deleted when the response is
/// submitted, so nothing links the citizen to their answers afterwards.
/// </summary>
public sealed class ConversationStore(Database db, Secrets secrets, TimeProvider clock)
{
    private readonly ILiteCollection<StoredConversation> conversations = db.Collection<StoredConversation>("conversations");

    public ConversationState? Load(string userId) =>
        conversations.FindById(KeyOf(userId)) is { } stored
            ? JsonSerializer.Deserialize<ConversationState>(stored.StateJson)
            : null;

    public void Save(string userId, ConversationState state) =>
        conversations.Upsert(new StoredConversation
        {
            Key = KeyOf(userId),
            StateJson = JsonSerializer.Serialize(state),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });

    public void Delete(string userId) => conversations.Delete(KeyOf(userId));

    private string KeyOf(string userId) => secrets.Hash("conversation", userId);
}
