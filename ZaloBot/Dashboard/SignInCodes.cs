using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZaloBot.Storage;
using ZaloBot.Volunteers;

namespace ZaloBot.Dashboard;

/// <summary>A one-time sign-in code waiting to be used: only its keyed hash is stored.</summary>
public sealed class PendingCode
{
    public string StaffKey { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public DateTime IssuedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public int Attempts { get; set; }
}

public interface ISignInCodeStore
{
    PendingCode? Find(string staffKey);

    void Save(PendingCode code);

    void Delete(string staffKey);

    /// <summary>Deletes up to <paramref name="batch"/> codes that expired before <paramref name="before"/>.</summary>
    int DeleteExpired(DateTime before, int batch);
}

/// <summary>One-time codes that district officials receive in Zalo to sign in to the dashboard.</summary>
public sealed class SignInCodes(ISignInCodeStore codes, IUnitOfWork unit, Secrets secrets, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;

    /// <summary>The sign-in page must not be a way to flood an official's chat with codes.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(1);

    /// <summary>A fresh 6-digit code replacing any earlier one; null while the last one is under a minute old.</summary>
    public string? Issue(StaffMember member)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return unit.Run(() =>
        {
            if (codes.Find(member.Key) is { } pending && now - pending.IssuedAt < Cooldown)
                return null;
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            codes.Save(new PendingCode { StaffKey = member.Key, CodeHash = HashOf(member, code), IssuedAt = now, ExpiresAt = now + Lifetime });
            return code;
        });
    }

    /// <summary>True once for the right code within its lifetime and attempt limit; the code is then used up.</summary>
    public bool Redeem(StaffMember member, string code)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return unit.Run(() =>
        {
            if (codes.Find(member.Key) is not { } pending || now >= pending.ExpiresAt || pending.Attempts >= MaxAttempts)
                return false;
            var right = CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(HashOf(member, code.Trim())), Encoding.ASCII.GetBytes(pending.CodeHash));
            pending.Attempts++;
            if (right)
                codes.Delete(member.Key);
            else
                codes.Save(pending);
            return right;
        });
    }

    private string HashOf(StaffMember member, string code) => secrets.Hash("dashboard-code", member.Key + "\n" + code);
}
