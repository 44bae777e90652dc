using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ZaloBot.Storage;

namespace ZaloBot.Dashboard;

/// <summary>The admin password as stored: a PBKDF2-SHA256 hash with its own random salt.</summary>
public sealed class StoredPassword
{
    public int Id { get; set; } = 1;

    public byte[] Salt { get; set; } = [];

    public byte[] Hash { get; set; } = [];

    public int Iterations { get; set; }

    public DateTime SetAt { get; set; }
}

public interface IAdminPasswordStore
{
    StoredPassword? Get();

    void Save(StoredPassword password);
}

/// <summary>
/// The bootstrap admin sign-in. The configured password is hashed into the database at the first
/// start; afterwards the stored hash wins, so a password left in a configuration file or an old
/// environment cannot quietly change it. <see cref="DashboardOptions.ReplaceAdminPassword"/> replaces it.
/// </summary>
public sealed class AdminPassword(IAdminPasswordStore passwords, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<AdminPassword> logger)
{
    public const string UserName = "admin";

    // OWASP's current figure for PBKDF2-HMAC-SHA256; stored with each hash so it can be raised later.
    private const int Iterations = 600_000;

    public void StoreConfigured()
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AdminPassword) || (passwords.Get() is not null && !o.ReplaceAdminPassword))
            return;
        var salt = RandomNumberGenerator.GetBytes(16);
        passwords.Save(new StoredPassword
        {
            Salt = salt,
            Hash = Derive(o.AdminPassword, salt, Iterations),
            Iterations = Iterations,
            SetAt = clock.GetUtcNow().UtcDateTime,
        });
        logger.LogInformation("The dashboard's admin password was stored (hashed).");
    }

    public bool Verify(string candidate) =>
        passwords.Get() is { } stored
        && CryptographicOperations.FixedTimeEquals(Derive(candidate, stored.Salt, stored.Iterations), stored.Hash);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
}
