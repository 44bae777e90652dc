using Microsoft.Extensions.Options;
using ZaloBot.Storage;

namespace ZaloBot.Zalo;

/// <summary>The OA's token pair, as stored (both tokens protected).</summary>
public sealed class StoredTokens
{
    public int Id { get; set; } = 1;

    public string AccessToken { get; set; } = "";

    public string RefreshToken { get; set; } = "";

    /// <summary>When the access token expires; null when unknown (a bootstrap token).</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public sealed record TokenPair(string AccessToken, string RefreshToken, DateTime? ExpiresAt);

/// <summary>
/// Keeps the token pair. Zalo's refresh tokens work once, so a new pair is stored before it is
/// used, and the stored pair wins over the bootstrap pair from configuration.
/// </summary>
public sealed class TokenStore(Database db, Secrets secrets, IOptions<ZaloOptions> options, TimeProvider clock)
{
    private const int SingletonId = 1;

    public TokenPair Current()
    {
        var stored = db.Collection<StoredTokens>("tokens").FindById(SingletonId);
        if (stored is not null)
            return new TokenPair(secrets.Unprotect(stored.AccessToken), secrets.Unprotect(stored.RefreshToken), stored.ExpiresAt);
        var o = options.Value;
        return new TokenPair(o.AccessToken ?? "", o.RefreshToken ?? "", null);
    }

    public void Save(TokenPair pair)
    {
        db.Collection<StoredTokens>("tokens").Upsert(new StoredTokens
        {
            Id = SingletonId,
            AccessToken = secrets.Protect(pair.AccessToken),
            RefreshToken = secrets.Protect(pair.RefreshToken),
            ExpiresAt = pair.ExpiresAt,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.Lite.Checkpoint();
    }
}
