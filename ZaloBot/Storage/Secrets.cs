using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ZaloBot.Storage;

/// <summary>
/// Everything that must not sit in the data file in clear: Zalo user ids kept in order to reply,
/// and the payloads of the inbox and outbox. Payloads are encrypted with ASP.NET Core Data
/// Protection; ids used as lookup keys are replaced by keyed hashes. Both keys live outside the
/// data file (<see cref="StorageOptions.KeysPath"/>).
/// </summary>
public sealed class Secrets
{
    private readonly IDataProtector protector;
    private readonly byte[] hashKey;

    public Secrets(IDataProtectionProvider provider, IOptions<StorageOptions> storage, IConfiguration configuration)
    {
        protector = provider.CreateProtector("ZaloBot.Storage.v1");
        hashKey = LoadHashKey(storage.Value.FullKeysPath, configuration["Survey:RespondentKeySecret"]);
    }

    public string Protect(string plain) => protector.Protect(plain);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);

    /// <summary>
    /// A keyed hash of a Zalo id for one purpose. Different purposes give unrelated values, so a
    /// queue's partition key cannot be matched against a stored response's respondent key.
    /// </summary>
    public string Hash(string purpose, string value)
    {
        var mac = HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(purpose + "\n" + value));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// A configured secret that starts with this is the key's bytes in base64: the form of a key this
    /// service generated (<c>respondent.key</c>), so instances can go on with the key a single one made.
    /// </summary>
    internal const string Base64Prefix = "base64:";

    /// <summary>The key a LiteDB deployment generated in <paramref name="keysFolder"/>, as <c>Survey:RespondentKeySecret</c> takes it; null when none.</summary>
    internal static string? GeneratedSecret(string keysFolder)
    {
        var file = Path.Combine(keysFolder, "respondent.key");
        return File.Exists(file) ? Base64Prefix + File.ReadAllText(file).Trim() : null;
    }

    private static byte[] LoadHashKey(string keysFolder, string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
            return configured.StartsWith(Base64Prefix, StringComparison.Ordinal)
                ? Convert.FromBase64String(configured[Base64Prefix.Length..])
                : Encoding.UTF8.GetBytes(configured);

        KeyFiles.CreateFolder(keysFolder);
        var file = Path.Combine(keysFolder, "respondent.key");
        if (File.Exists(file))
            return Convert.FromBase64String(File.ReadAllText(file).Trim());

        var key = RandomNumberGenerator.GetBytes(32);
        var temp = file + ".tmp";
        using (var writer = new StreamWriter(KeyFiles.Create(temp)))
            writer.Write(Convert.ToBase64String(key));
        File.Move(temp, file, overwrite: false);
        return key;
    }
}
