using LiteDB;
using ZaloBot.Dashboard;
using ZaloBot.Volunteers;

namespace ZaloBot.Storage.LiteDb;

internal sealed class LiteStaffStore : IStaffStore
{
    private readonly LiteStore store;

    private readonly ILiteCollection<StaffMember> staff;
    private readonly Secrets secrets;

    public LiteStaffStore(LiteStore store, Secrets secrets)
    {
        this.store = store;
        staff = store.Collection<StaffMember>("staff");
        store.Run(() =>
        {
            staff.EnsureIndex(x => x.LoginName, unique: true);
            staff.EnsureIndex(x => x.CommuneCode);
        });
        this.secrets = secrets;
    }

    public string KeyOf(string userId) => secrets.Hash("staff", userId);

    public StaffMember? Find(string userId) => staff.FindById(KeyOf(userId));

    public StaffMember? FindByLogin(string loginName)
    {
        var login = loginName.Trim().ToLowerInvariant();
        return staff.FindOne(LiteQuery.Eq(nameof(StaffMember.LoginName), login));
    }

    public string UserIdOf(StaffMember member) => secrets.Unprotect(member.ProtectedUserId);

    public IReadOnlyList<StaffMember> All() => staff.FindAll().ToList();

    public IReadOnlyList<StaffMember> Officials() => staff.Find(x => x.Role == StaffRole.District).ToList();

    public IReadOnlyList<StaffMember> OfCommune(string communeCode) => staff.Find(LiteQuery.Eq(nameof(StaffMember.CommuneCode), communeCode)).ToList();

    public StaffMember Register(string userId, StaffRole role, string? communeCode, DateTime now)
    {
        var member = Find(userId) ?? new StaffMember
        {
            Key = KeyOf(userId),
            ProtectedUserId = secrets.Protect(userId),
            LoginName = LoginNames.NewUnused(name => staff.Exists(LiteQuery.Eq(nameof(StaffMember.LoginName), name))),
            RegisteredAt = now,
        };
        member.RegisterAs(role, communeCode);
        store.Run(() => staff.Upsert(member));
        return member;
    }

    public void Update(StaffMember member) => store.Run(() => staff.Update(member));

    public bool Remove(string key) => UnitOfWorkExtensions.Run(store, () => staff.Delete(key));

    public void Import(StaffMember member) => store.Run(() => staff.Upsert(member));
}

internal sealed class LiteInviteCodeStore(LiteStore store) : IInviteCodeStore
{
    private readonly ILiteCollection<InviteCodeRecord> records = store.Collection<InviteCodeRecord>("invite_codes");

    public InviteCodeRecord? Find(string scope) => records.FindById(scope);

    public void Save(InviteCodeRecord record) => store.Run(() => records.Upsert(record));

    public IReadOnlyList<InviteCodeRecord> All() => records.FindAll().ToList();
}

internal sealed class LiteThrottleStore(LiteStore store) : IThrottleStore
{
    private readonly ILiteCollection<RegistrationAttempts> attempts = store.Collection<RegistrationAttempts>("registration_attempts");

    public RegistrationAttempts? Find(string key) => attempts.FindById(key);

    public void Save(RegistrationAttempts record) => store.Run(() => attempts.Upsert(record));

    public void Delete(string key) => store.Run(() => attempts.Delete(key));

    public int DeleteQuietSince(DateTime before, int batch)
    {
        // Few records (one per user who typed a wrong code), so a scan is fine.
        var quiet = attempts.FindAll()
            .Where(x => (x.LockedUntil ?? DateTime.MinValue) < before && x.Failures.All(f => f < before))
            .Take(batch)
            .Select(x => x.Key)
            .ToList();
        foreach (var key in quiet)
            attempts.Delete(key);
        return quiet.Count;
    }
}

/// <summary>Each commune-day's count with its history; the counts alone also in a daily series per commune, which is what figures read.</summary>
internal sealed class LiteVisitorCountStore : IVisitorCountStore
{
    private const string Figure = "visitors";

    private readonly LiteStore store;
    private readonly ILiteCollection<VisitorCount> counts;
    private readonly LiteDailySeries series;

    public LiteVisitorCountStore(LiteStore store)
    {
        this.store = store;
        counts = store.Collection<VisitorCount>("visitor_counts");
        store.Run(() => counts.EnsureIndex(x => x.CommuneCode));
        series = new LiteDailySeries(store);
    }

    public VisitorCount? Find(string commune, DateOnly date) => counts.FindById(VisitorCounts.IdOf(commune, date));

    public void Save(VisitorCount count) => store.Run(() =>
    {
        counts.Upsert(count);
        series.Set(Figure, "", count.CommuneCode, DateOnly.FromDateTime(count.Date), count.Visitors);
    });

    public DailyCounts Between(DateOnly from, DateOnly to, string? commune = null) =>
        series.Read(Figure, "", from, to, commune);

    public IReadOnlyList<VisitorCount> All() => counts.FindAll().ToList();
}

internal sealed class LitePhotoStore : IPhotoStore
{
    private readonly LiteStore store;

    private readonly ILiteCollection<PhotoReport> photos;

    public LitePhotoStore(LiteStore store)
    {
        this.store = store;
        photos = store.Collection<PhotoReport>("photos");
        store.Run(() =>
        {
            photos.EnsureIndex(x => x.Date);
            photos.EnsureIndex(x => x.CommuneCode);
        });
    }

    public bool Add(PhotoReport report)
    {
        return store.Run(() =>
        {
            if (photos.FindById(report.Id) is not null)
                return false;
            photos.Insert(report);
            return true;
        });
    }

    public PhotoReport? Find(string id) => photos.FindById(id);

    public IReadOnlyList<PhotoReport> Of(string commune, DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return photos.Query().Where(LiteQuery.Eq(nameof(PhotoReport.CommuneCode), commune)).Where(LiteQuery.Eq(nameof(PhotoReport.Date), day)).ToList();
    }

    public DailyCounts CountByCommuneAndDay(DateOnly from, DateOnly to, string? commune = null)
    {
        var (first, last) = LiteDays.Range(from, to);
        var found = commune is null
            ? photos.Query().Where(LiteQuery.Between(nameof(PhotoReport.Date), first, last))
            : photos.Query().Where(LiteQuery.Eq(nameof(PhotoReport.CommuneCode), commune)).Where(LiteQuery.Between(nameof(PhotoReport.Date), first, last));
        var counts = new DailyCounts(from, to);
        foreach (var photo in found.Select(x => new { x.CommuneCode, x.Date }).ToEnumerable())
            counts.Add(photo.CommuneCode, DateOnly.FromDateTime(photo.Date), 1);
        return counts;
    }

    public IReadOnlyList<PhotoReport> All() => photos.FindAll().ToList();
}

internal sealed class LiteRosterStore(LiteStore store) : IRosterStore
{
    private readonly ILiteCollection<RosterEntry> entries = store.Collection<RosterEntry>("roster");

    public void ReplaceAll(IReadOnlyList<RosterEntry> imported) => store.Run(() =>
    {
        entries.DeleteAll();
        entries.InsertBulk(imported);
    });

    public IReadOnlyList<RosterEntry> All() => entries.FindAll().ToList();
}

internal static class LiteDays
{
    /// <summary>Vietnam dates as stored: midnight UTC of that date.</summary>
    public static (DateTime First, DateTime Last) Range(DateOnly from, DateOnly to) =>
        (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
}
