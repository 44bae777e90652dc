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
    public string Key { get; set; } = "";

    public string ProtectedUserId { get; set; } = "";

    public StaffRole Role { get; set; }

    /// <summary>The commune code; null for district officials.</summary>
    public string? CommuneCode { get; set; }

    /// <summary>A short name for the dashboard's sign-in page, given at registration: "cb" and four random letters or digits (e.g. "cb7k3m").</summary>
    public string LoginName { get; set; } = "";

    public DateTime RegisteredAt { get; set; }

    /// <summary>When set, this staff member is answering the survey as a citizen until they finish or stop.</summary>
    public bool AnsweringAsCitizen { get; set; }

    /// <summary>Set by the district board: the member stays listed but may no longer run staff commands or sign in.</summary>
    public bool Disabled { get; set; }

    /// <summary>The full name given with TEN, for QCDC's "Họ tên, chức vụ" column; null until given.</summary>
    public string? FullName { get; set; }

    /// <summary>The position given with TEN ("Hội CCB xã"); null when not given.</summary>
    public string? Position { get; set; }

    /// <summary>A visitor count waiting for the staff member's "1" (store it) or "2" (drop it); null when none.</summary>
    public PendingVisitorCount? PendingCount { get; set; }

    /// <summary>
    /// What registering (again) changes, in every store: the role and commune, and it ends answering
    /// the survey as a citizen and any count waiting for confirmation. Login name, name and a
    /// suspension stay.
    /// </summary>
    public void RegisterAs(StaffRole role, string? communeCode)
    {
        Role = role;
        CommuneCode = role == StaffRole.District ? null : communeCode;
        AnsweringAsCitizen = false;
        PendingCount = null;
    }

    /// <summary>"Nguyễn Văn A, Hội CCB xã", or null when no name was given.</summary>
    public string? Signature() => string.IsNullOrWhiteSpace(FullName) ? null
        : string.IsNullOrWhiteSpace(Position) ? FullName : $"{FullName}, {Position}";
}

/// <summary>A count the bot has repeated back and asked to be confirmed: a past day's, or an unusually large one.</summary>
public sealed class PendingVisitorCount
{
    /// <summary>The Vietnam day the count is for, stored as midnight UTC of that date.</summary>
    public DateTime Date { get; set; }

    public int Visitors { get; set; }

    public DateTime AskedAt { get; set; }
}

/// <summary>The registered staff, looked up by a keyed hash of their Zalo id or by login name.</summary>
public interface IStaffStore
{
    string KeyOf(string userId);

    StaffMember? Find(string userId);

    StaffMember? FindByLogin(string loginName);

    string UserIdOf(StaffMember member);

    IReadOnlyList<StaffMember> All();

    IReadOnlyList<StaffMember> Officials();

    IReadOnlyList<StaffMember> OfCommune(string communeCode);

    /// <summary>
    /// Registers (or re-registers) a user; an existing member keeps their login name, full name and
    /// position. Registering is a staff command, so it also ends answering the survey as a citizen
    /// and drops a count waiting for confirmation.
    /// </summary>
    StaffMember Register(string userId, StaffRole role, string? communeCode, DateTime now);

    void Update(StaffMember member);

    /// <summary>Forgets the member (registering again needs a valid invite code); false when no member has that key.</summary>
    bool Remove(string key);

    /// <summary>Stores a member as read from another store (key, protected id and login name as they are), replacing one with the same key.</summary>
    void Import(StaffMember member);
}
