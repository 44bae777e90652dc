using System.Text.RegularExpressions;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Operations;

/// <summary>One message the outbox gave up on, as an operator sees it: never its recipient or its text.</summary>
public sealed record FailedMessage(long Id, string Kind, DateTime? FailedAt, int? Code, string Reason);

/// <summary>The outbox's failed messages: listed for an operator, and sent again on request.</summary>
public sealed partial class FailedMessages(Outbox outbox)
{
    public const int ListLimit = 500;

    public IReadOnlyList<FailedMessage> List() =>
        [.. outbox.Queue.Failed(ListLimit).Select(x => new FailedMessage(x.Id, x.Kind, x.FinishedAt, x.Code, Redact(x.Result ?? "")))];

    /// <summary>Requeues one failed message, or every one; how many were requeued.</summary>
    public int Retry(long? id) =>
        id is { } one
            ? (outbox.Queue.Requeue(one) ? 1 : 0)
            : outbox.Queue.Failed(int.MaxValue).Count(x => outbox.Queue.Requeue(x.Id));

    /// <summary>A reason quoted from Zalo may name a user by id: long digit runs are left out.</summary>
    private static string Redact(string reason) => LongNumber().Replace(reason, "…");

    [GeneratedRegex(@"\d{9,}")]
    private static partial Regex LongNumber();
}
