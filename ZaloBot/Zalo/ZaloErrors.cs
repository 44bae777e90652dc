namespace ZaloBot.Zalo;

/// <summary>Zalo's error codes (they arrive with HTTP 200 and error != 0) and what each means for us.</summary>
public static class ZaloErrors
{
    /// <summary>Access token invalid (-216), expired or removed (-220), or the ZNS variant (-124): refresh once.</summary>
    public static bool IsTokenProblem(int code) => code is -216 or -220 or -124;

    /// <summary>"Reached limit call api": back off and retry.</summary>
    public static bool IsRateLimited(int code) => code == -32;

    /// <summary>Not a follower, or outside the 7-day interaction window: the message cannot reach this user.</summary>
    public static bool IsUnreachable(int code) => code is -213 or -230 or -232;

    /// <summary>The payload shape was refused: an unconfirmed template variant may be worth a second form.</summary>
    public static bool IsShapeRefused(int code) => code is -201 or -233;

    public static string Describe(int code) => code switch
    {
        -213 => "the user does not follow the OA",
        -230 => "the user has not interacted with the OA in the past 7 days",
        -232 => "no interaction with the OA, or it expired",
        -227 => "the user is banned or inactive",
        -244 => "the user has restricted this message type",
        -32 => "Zalo's rate limit was reached",
        -216 or -220 or -124 => "the access token is invalid or expired",
        -201 => "a field of the message is invalid",
        -233 => "the message type is not supported",
        -237 => "the group is disabled",
        -403 => "the OA is not in the group",
        _ => "Zalo error " + code,
    };
}
