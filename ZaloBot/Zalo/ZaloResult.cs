namespace ZaloBot.Zalo;

public enum ZaloOutcome
{
    /// <summary>Zalo accepted the call.</summary>
    Sent,

    /// <summary>A passing problem (rate limit, 5xx, network, token): try again later.</summary>
    RetryLater,

    /// <summary>Zalo refused for good (not a follower, outside the window, bad payload): stop.</summary>
    GaveUp,
}

/// <summary>
/// What a Zalo call came to. <see cref="Id"/> is Zalo's message id, or the attachment id of an
/// upload; <see cref="Code"/> is Zalo's error code when it refused.
/// </summary>
public sealed record ZaloResult(ZaloOutcome Outcome, string? Id = null, int? Code = null, string? Reason = null)
{
    public bool Succeeded => Outcome == ZaloOutcome.Sent;
}

/// <summary>A fetched attachment: its bytes, or none when it was too large or could not be fetched.</summary>
public sealed record Download(byte[]? Content, bool TooLarge = false);
