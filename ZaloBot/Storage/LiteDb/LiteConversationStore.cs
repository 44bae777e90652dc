using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using ZaloBot.Conversation;
using ZaloBot.Survey;

namespace ZaloBot.Storage.LiteDb;

/// <summary>An unfinished response as stored, keyed by a hash of the citizen's Zalo id.</summary>
internal sealed class StoredConversation
{
    public string Key { get; set; } = "";

    public string StateJson { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

internal sealed class LiteConversationStore : IConversationStore
{
    private readonly LiteStore store;
    private readonly ILiteCollection<StoredConversation> conversations;
    private readonly Secrets secrets;
    private readonly TimeProvider clock;

    public LiteConversationStore(LiteStore store, Secrets secrets, TimeProvider clock)
    {
        this.store = store;
        conversations = store.Collection<StoredConversation>("conversations");
        store.Run(() => conversations.EnsureIndex(x => x.UpdatedAt));
        this.secrets = secrets;
        this.clock = clock;
    }

    public ConversationState? Load(string userId) =>
        conversations.FindById(KeyOf(userId)) is { } stored
            ? JsonSerializer.Deserialize<ConversationState>(stored.StateJson)
            : null;

    public void Save(string userId, ConversationState state) => store.Run(() =>
        conversations.Upsert(new StoredConversation
        {
            Key = KeyOf(userId),
            StateJson = JsonSerializer.Serialize(state),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        }));

    public void Delete(string userId) => store.Run(() => conversations.Delete(KeyOf(userId)));

    public int DeleteIdleSince(DateTime before, int batch) =>
        LiteBatches.Delete(conversations, LiteQuery.Lt(nameof(StoredConversation.UpdatedAt), before), batch);

    public IReadOnlyList<SavedConversation> All() =>
        conversations.FindAll().Select(c => new SavedConversation(c.Key, c.StateJson, c.UpdatedAt)).ToList();

    public void Import(SavedConversation conversation) => store.Run(() =>
        conversations.Upsert(new StoredConversation { Key = conversation.Key, StateJson = conversation.State, UpdatedAt = conversation.UpdatedAt }));

    private string KeyOf(string userId) => secrets.Hash("conversation", userId);
}
