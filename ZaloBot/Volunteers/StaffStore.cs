using LiteDB;
using ZaloBot.Storage;

namespace ZaloBot.Volunteers;

public enum StaffRole
{
    /// <summary>A commune volunteer or working-group member: one commune.</summary>
    Commune,

    /// <summary>A district official: all communes.</summary>
    District,
}

/// <summary>
/// A registered staff member. The Zalo id is kept protected (the bot must message them: digests,
/// reminders, sign-in codes) and looked up by a keyed hash.
/// </summary>
public sealed class StaffMember
{
    [BsonId]
    public string Key { get; set; } = "";

    public string ProtectedUserId { get; set; } = "";

    public StaffRole Role { get; set; }

    /// <summary>The commune code; null for district officials.</summary>
    public string? CommuneCode { get; set; }

    /// <summary>A short name for the dashboard's sign-in page, given at registration (e.g. "cb03").</summary>
    public string LoginName { get; set; } = "";

    public DateTime RegisteredAt { get; set; }

    /// <summary>When set, this staff member is answering the survey as a citizen until they finish or stop.</summary>
    public bool AnsweringAsCitizen { get; set; }
}

public sealed class StaffStore
{
    private readonly ILiteCollection<StaffMember> staff;
    private readonly Secrets secrets;

    public StaffStore(Database db, Secrets secrets)
    {
        staff = db.Collection<StaffMember>("staff");
        staff.EnsureIndex(x => x.LoginName, unique: true);
        staff.EnsureIndex(x => x.CommuneCode);
        this.secrets = secrets;
    }

    public string KeyOf(string userId) => secrets.Hash("staff", userId);

    public StaffMember? Find(string userId) => staff.FindById(KeyOf(userId));

    public StaffMember? FindByLogin(string loginName) =>
        staff.FindOne(x => x.LoginName == loginName.Trim().ToLowerInvariant());

    public string UserIdOf(StaffMember member) => secrets.Unprotect(member.ProtectedUserId);

    public IReadOnlyList<StaffMember> All() => staff.FindAll().ToList();

    public IReadOnlyList<StaffMember> Officials() => staff.Find(x => x.Role == StaffRole.District).ToList();

    public IReadOnlyList<StaffMember> OfCommune(string communeCode) => staff.Find(x => x.CommuneCode == communeCode).ToList();

    /// <summary>
    /// Registers (or re-registers) a user; an existing member keeps their login name. Registering is
    /// a staff command, so it also ends answering the survey as a citizen.
    /// </summary>
    public StaffMember Register(string userId, StaffRole role, string? communeCode, DateTime now)
    {
        var member = Find(userId) ?? new StaffMember
        {
            Key = KeyOf(userId),
            ProtectedUserId = secrets.Protect(userId),
            LoginName = "cb" + (staff.Count() + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            RegisteredAt = now,
        };
        member.Role = role;
        member.CommuneCode = role == StaffRole.District ? null : communeCode;
        member.AnsweringAsCitizen = false;
        staff.Upsert(member);
        return member;
    }

    public void Update(StaffMember member) => staff.Update(member);
}
