using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo;

namespace ZaloBot.Sandbox;

/// <summary>
/// The emulator's tokens: the configured pair, and the pairs it issued on refresh. An issued token
/// carries a MAC under the app secret, so one issued before a restart (and kept in the data file)
/// still checks out, and a made-up one does not.
/// </summary>
public sealed class SandboxTokens(IOptions<ZaloOptions> options)
{
    private const string Access = "access";
    private const string Refresh = "refresh";

    public (string AccessToken, string RefreshToken) Issue()
    {
        var stamp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return (Token(Access, stamp), Token(Refresh, stamp));
    }

    public bool IsAccessToken(string? token) => Matches(token, options.Value.AccessToken) || IsIssued(Access, token);

    public bool IsRefreshToken(string? token) => Matches(token, options.Value.RefreshToken) || IsIssued(Refresh, token);

    public bool IsAppSecret(string? secret) => Matches(secret, options.Value.AppSecretKey);

    private string Token(string kind, string stamp) => $"sandbox-{kind}-{stamp}.{Mac(kind, stamp)}";

    private bool IsIssued(string kind, string? token)
    {
        var prefix = $"sandbox-{kind}-";
        if (token is null || !token.StartsWith(prefix, StringComparison.Ordinal) || token[prefix.Length..].Split('.') is not [var stamp, _])
            return false;
        return Matches(token, Token(kind, stamp));
    }

    private string Mac(string kind, string stamp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AppSecretKey ?? ""), Encoding.UTF8.GetBytes(kind + "\n" + stamp)))[..16];

    private static bool Matches(string? given, string? expected) =>
        !string.IsNullOrEmpty(given) && !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
