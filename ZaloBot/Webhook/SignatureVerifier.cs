using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.Webhook;

/// <summary>
/// Zalo's webhook signature: <c>X-ZEvent-Signature: mac=</c> + lowercase hex of
/// SHA-256(app_id + raw body + timestamp + OA secret key) — a plain hash, not an HMAC, over the
/// exact bytes received, with app_id and timestamp as the strings inside the body.
/// </summary>
public static class SignatureVerifier
{
    public const string Header = "X-ZEvent-Signature";

    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        var prefix = Encoding.UTF8.GetBytes(appId);
        var suffix = Encoding.UTF8.GetBytes(timestamp + oaSecretKey);
        var all = new byte[prefix.Length + rawBody.Length + suffix.Length];
        prefix.CopyTo(all, 0);
        rawBody.CopyTo(all.AsSpan(prefix.Length));
        suffix.CopyTo(all, prefix.Length + rawBody.Length);
        return "mac=" + Convert.ToHexStringLower(SHA256.HashData(all));
    }

    public static bool Verify(string? header, string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        if (header is null || !header.StartsWith("mac=", StringComparison.Ordinal))
            return false;
        var expected = Encoding.ASCII.GetBytes(Compute(appId, rawBody, timestamp, oaSecretKey));
        var given = Encoding.ASCII.GetBytes(header.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
