using System.Text.Json;

namespace ZaloBot.Webhook;

/// <summary>An image (or other file) attached to a user's message.</summary>
public sealed record ZaloAttachment(string Type, string? Url, string? Thumbnail);

/// <summary>
/// A webhook event, read from the raw JSON. Every id stays a string: Zalo's ids exceed 2^53, and
/// a sender that writes them as JSON numbers still gets them back digit for digit.
/// </summary>
public sealed record ZaloEvent(
    string Name,
    string AppId,
    string Timestamp,
    string? UserId,
    string? MessageId,
    string? Text,
    IReadOnlyList<ZaloAttachment> Attachments,
    JsonElement Root)
{
    /// <summary>Parses an event; null when the body is not a JSON object with an event_name.</summary>
    public static ZaloEvent? Parse(JsonDocument doc)
    {
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Str(root, "event_name") is not { Length: > 0 } name)
            return null;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new ZaloEvent(
            name,
            Str(root, "app_id") ?? "",
            Str(root, "timestamp") ?? "",
            UserIdOf(root, name),
            message.ValueKind == JsonValueKind.Object ? Str(message, "msg_id") : null,
            message.ValueKind == JsonValueKind.Object ? Str(message, "text") : null,
            AttachmentsOf(message),
            root.Clone());
    }

    /// <summary>
    /// The dedupe key: the message id, or, for events without one, event name + user + timestamp.
    /// </summary>
    public string DedupeKey => MessageId is { Length: > 0 } ? "msg:" + MessageId : $"{Name}:{UserId}:{Timestamp}";

    /// <summary>
    /// The user an event is about: the follower for follow/unfollow, the sender for user_* events,
    /// the recipient for the OA's own echoes and receipts (there sender and recipient are swapped).
    /// </summary>
    private static string? UserIdOf(JsonElement root, string name)
    {
        if (Obj(root, "follower") is { } follower)
            return Str(follower, "id");
        var side = name.StartsWith("oa_", StringComparison.Ordinal) || name is "user_received_message" or "user_seen_message"
            ? "recipient"
            : "sender";
        return Obj(root, side) is { } party ? Str(party, "id") : null;
    }

    private static IReadOnlyList<ZaloAttachment> AttachmentsOf(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("attachments", out var list) || list.ValueKind != JsonValueKind.Array)
            return [];
        return list.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object)
            .Select(a => Obj(a, "payload") is { } p
                ? new ZaloAttachment(Str(a, "type") ?? "", Str(p, "url"), Str(p, "thumbnail"))
                : new ZaloAttachment(Str(a, "type") ?? "", null, null))
            .ToList();
    }

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>A string field; a number is taken as its literal digits, never through a double.</summary>
    internal static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
