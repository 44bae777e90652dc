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

public interface ITokenPairStore
{
    StoredTokens? Get();

    /// <summary>Stores the pair durably before it is used: Zalo's refresh tokens work once.</summary>
    void Save(StoredTokens tokens);

    /// <summary>
    /// The right to refresh the pair, held by one caller of every instance sharing the store until it
    /// is disposed (an instance that dies lets it go). Null when it was not got within <paramref name="wait"/>.
    /// </summary>
    Task<IAsyncDisposable?> LockForRefreshAsync(TimeSpan wait, CancellationToken ct);
}

/// <summary>
/// Keeps the token pair. Zalo's refresh tokens work once, so a new pair is stored before it is
/// used, and the stored pair wins over the bootstrap pair from configuration.
/// </summary>
public sealed class TokenStore(ITokenPairStore store, Secrets secrets, IOptions<ZaloOptions> options, TimeProvider clock)
{
    /// <summary>
    /// How long a pair read from the store is used before it is read again. Every message sent
    /// asks for the pair; a pair another instance has replaced since is met as Zalo's -216, and the
    /// refresh then reads the store afresh (<see cref="Fresh"/>).
    /// </summary>
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(10);

    private sealed record Read(TokenPair Pair, long At);

    private Read? last;

    /// <summary>The pair to call Zalo with: the one read at most <see cref="ReadEvery"/> ago.</summary>
    public TokenPair Current() =>
        last is { } read && clock.GetElapsedTime(read.At) < ReadEvery ? read.Pair : Fresh();

    /// <summary>The pair as the store holds it now (kept for <see cref="Current"/>).</summary>
    public TokenPair Fresh()
    {
        var stored = store.Get();
        var o = options.Value;
        var pair = stored is null
            ? new TokenPair(o.AccessToken ?? "", o.RefreshToken ?? "", null)
            : new TokenPair(secrets.Unprotect(stored.AccessToken), secrets.Unprotect(stored.RefreshToken), stored.ExpiresAt);
        last = new Read(pair, clock.GetTimestamp());
        return pair;
    }

    /// <summary>See <see cref="ITokenPairStore.LockForRefreshAsync"/>: whoever holds it re-reads the pair before refreshing it.</summary>
    public Task<IAsyncDisposable?> LockForRefreshAsync(TimeSpan wait, CancellationToken ct) => store.LockForRefreshAsync(wait, ct);

    public void Save(TokenPair pair)
    {
        store.Save(new StoredTokens
        {
            AccessToken = secrets.Protect(pair.AccessToken),
            RefreshToken = secrets.Protect(pair.RefreshToken),
            ExpiresAt = pair.ExpiresAt,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        last = new Read(pair, clock.GetTimestamp());
    }
}
