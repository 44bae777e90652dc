using System.Text.Json;
using ZaloBot.Storage;

namespace ZaloBot.Zalo;

public enum OutboundKind
{
    UserText,
    UserList,
    UserImage,
    GroupText,
    GroupImage,
}

/// <summary>
/// A message waiting to be sent. <see cref="ImageFileId"/> names a PNG/JPEG in the blob store: it
/// is uploaded at send time because Zalo's attachment ids expire after 7 days.
/// <see cref="Buttons"/> are the titles of a list template's buttons (button n sends "n").
/// </summary>
public sealed record OutboundMessage(OutboundKind Kind, string Recipient, string? Text, string? ImageFileId = null, IReadOnlyList<string>? Buttons = null);

/// <summary>
/// The durable outbox: every message is stored (protected) before it is sent, in the transaction of
/// whatever decided to send it, and the <see cref="OutboxWorker"/> marks it sent with Zalo's message
/// id, or failed with the code.
/// </summary>
public sealed class Outbox(IWorkQueues queues, Secrets secrets)
{
    public IWorkQueue Queue => queues.Outbox;

    public void SendText(string userId, string text) => Enqueue(new OutboundMessage(OutboundKind.UserText, userId, text));

    public void SendGroupText(string groupId, string text) => Enqueue(new OutboundMessage(OutboundKind.GroupText, groupId, text));

    public void Enqueue(OutboundMessage message)
    {
        var partition = secrets.Hash("partition", message.Recipient);
        Queue.Enqueue(new NewQueueItem(null, partition, message.Kind.ToString(), secrets.Protect(JsonSerializer.Serialize(message))));
    }

    internal OutboundMessage Read(QueueItem item) =>
        JsonSerializer.Deserialize<OutboundMessage>(secrets.Unprotect(item.Payload!))!;
}
