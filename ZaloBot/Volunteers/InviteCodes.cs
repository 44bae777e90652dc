using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ZaloBot.Conversation;
using ZaloBot.Storage;
using ZaloBot.Survey;

namespace ZaloBot.Volunteers;

/// <summary>A code a district official set or revoked in chat; it overrides the configured one.</summary>
public sealed class InviteCodeRecord
{
    /// <summary>A commune code, or <see cref="InviteCodes.District"/>.</summary>
    public string Scope { get; set; } = "";

    /// <summary>A keyed hash of the code (never the code itself); null once revoked.</summary>
    public string? CodeHash { get; set; }

    public string ChangedBy { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}

public interface IInviteCodeStore
{
    InviteCodeRecord? Find(string scope);

    void Save(InviteCodeRecord record);

    IReadOnlyList<InviteCodeRecord> All();
}

/// <summary>
/// The invite codes staff register with: one per commune and one for the district, from
/// configuration (<c>Staff:InviteCodes:X07</c>, <c>Staff:DistrictInviteCode</c>) unless an
/// official has set or revoked one in chat. Case and diacritics do not matter: codes are typed on phones.
/// </summary>
public sealed class InviteCodes(IInviteCodeStore records, Secrets secrets, SurveyCatalog catalog, IOptions<StaffOptions> options, TimeProvider clock)
{
    /// <summary>The scope word of district officials: "DK HUYEN &lt;code&gt;".</summary>
    public const string District = "HUYEN";

    /// <summary>The scope a typed word names: a commune's code as the survey file spells it, or <see cref="District"/>.</summary>
    public string? ScopeOf(string word) =>
        string.Equals(word, District, StringComparison.OrdinalIgnoreCase) ? District : catalog.FindCommune(word)?.Code;

    /// <summary>
    /// Compares keyed hashes in constant time, so how long the answer takes says nothing about how
    /// much of a guess was right. A scope without a code matches nothing.
    /// </summary>
    public bool Matches(string scope, string code)
    {
        var given = Hash(code);
        var expected = ExpectedHash(scope);
        return CryptographicOperations.FixedTimeEquals(given, expected ?? new byte[given.Length]) & (expected is not null);
    }

    /// <summary>Whether anyone can register for the scope now (a configured or set code, not revoked).</summary>
    public bool HasCode(string scope) => ExpectedHash(scope) is not null;

    public void Set(string scope, string code, string staffKey) => Save(scope, Convert.ToHexString(Hash(code)), staffKey);

    public void Revoke(string scope, string staffKey) => Save(scope, null, staffKey);

    private void Save(string scope, string? codeHash, string staffKey) =>
        records.Save(new InviteCodeRecord { Scope = scope, CodeHash = codeHash, ChangedBy = staffKey, ChangedAt = clock.GetUtcNow().UtcDateTime });

    private byte[]? ExpectedHash(string scope)
    {
        if (records.Find(scope) is { } stored)
            return stored.CodeHash is { } hex ? Convert.FromHexString(hex) : null;
        return Configured(scope) is { Length: > 0 } code ? Hash(code) : null;
    }

    private string? Configured(string scope) => scope == District
        ? options.Value.DistrictInviteCode
        : options.Value.InviteCodes.FirstOrDefault(kv => string.Equals(kv.Key, scope, StringComparison.OrdinalIgnoreCase)).Value;

    private byte[] Hash(string code) =>
        Convert.FromHexString(secrets.Hash("invite", VietnameseText.Fold(code).ToUpperInvariant()));
}
