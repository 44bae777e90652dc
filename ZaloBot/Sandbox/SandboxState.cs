using System.Collections.Concurrent;

namespace ZaloBot.Sandbox;

/// <summary>One line of a sandbox conversation: a user's chat with the OA, or a group's feed.</summary>
/// <see cref="Buttons"/> are a list template's button titles; button n answers "n".
public sealed record SandboxMessage(long Seq, string Conversation, string From, string? Text, string? ImageUrl, DateTimeOffset At, IReadOnlyList<string>? Buttons = null);

/// <summary>The emulator's memory: what was said in each chat, and the images it holds.</summary>
public sealed class SandboxState(TimeProvider clock)
{
    private readonly List<SandboxMessage> messages = [];
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType)> media = new();
    private long seq;

    public static string UserChat(string userId) => "user:" + userId;

    public static string GroupChat(string groupId) => "group:" + groupId;

    public SandboxMessage Add(string conversation, string from, string? text, string? imageUrl, IReadOnlyList<string>? buttons = null)
    {
        lock (messages)
        {
            var m = new SandboxMessage(++seq, conversation, from, text, imageUrl, clock.GetUtcNow(), buttons);
            messages.Add(m);
            return m;
        }
    }

    public IReadOnlyList<SandboxMessage> After(long after)
    {
        lock (messages)
            return messages.Where(m => m.Seq > after).ToList();
    }

    public string StoreMedia(byte[] content, string contentType)
    {
        var id = Guid.NewGuid().ToString("N");
        media[id] = (content, contentType);
        return id;
    }

    public (byte[] Content, string ContentType)? Media(string id) => media.TryGetValue(id, out var m) ? m : null;
}
