using ZaloBot.Dashboard;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ZaloBot.Volunteers;
using static ZaloBot.Storage.Postgres.PgStore;

namespace ZaloBot.Storage.Postgres;

internal sealed class PgStaffStore(PgStore store, Secrets secrets) : IStaffStore
{
    private const string Columns =
        "key, protected_user_id, role, commune_code, login_name, registered_at, answering_as_citizen, full_name, position, pending_day, pending_visitors, pending_asked_at, disabled";

    public string KeyOf(string userId) => secrets.Hash("staff", userId);

    public StaffMember? Find(string userId) =>
        store.One($"SELECT {Columns} FROM staff WHERE key = @key" + store.ForUpdate, Read, Arg("key", KeyOf(userId)));

    public StaffMember? FindByLogin(string loginName) =>
        store.One($"SELECT {Columns} FROM staff WHERE login_name = @login", Read, Arg("login", loginName.Trim().ToLowerInvariant()));

    public string UserIdOf(StaffMember member) => secrets.Unprotect(member.ProtectedUserId);

    public IReadOnlyList<StaffMember> All() => store.Query($"SELECT {Columns} FROM staff ORDER BY registered_at, login_name", Read);

    public IReadOnlyList<StaffMember> Officials() =>
        store.Query($"SELECT {Columns} FROM staff WHERE role = @role ORDER BY registered_at, login_name", Read, Arg("role", (short)StaffRole.District));

    public IReadOnlyList<StaffMember> OfCommune(string communeCode) =>
        store.Query($"SELECT {Columns} FROM staff WHERE commune_code = @commune ORDER BY registered_at, login_name", Read, Arg("commune", communeCode));

    /// <summary>Registrations from several instances take turns (a transaction lock of their own), so two never draw the same login name.</summary>
    public StaffMember Register(string userId, StaffRole role, string? communeCode, DateTime now) => store.Run(() =>
    {
        store.Execute("SELECT pg_advisory_xact_lock(1, 1)");
        var member = Find(userId) ?? new StaffMember
        {
            Key = KeyOf(userId),
            ProtectedUserId = secrets.Protect(userId),
            LoginName = LoginNames.NewUnused(name => store.Scalar<long>("SELECT count(*) FROM staff WHERE login_name = @login", Arg("login", name)) > 0),
            RegisteredAt = now,
        };
        member.RegisterAs(role, communeCode);
        Import(member);
        return member;
    });

    public void Update(StaffMember member) => store.Write(
        """
        UPDATE staff SET protected_user_id = @protected, role = @role, commune_code = @commune, login_name = @login,
            registered_at = @registered, answering_as_citizen = @citizen, full_name = @name, position = @position,
            pending_day = @pending_day, pending_visitors = @pending_visitors, pending_asked_at = @pending_asked, disabled = @disabled
        WHERE key = @key
        """,
        Args(member));

    public bool Remove(string key) => store.Execute("DELETE FROM staff WHERE key = @key", Arg("key", key)) > 0;

    public void Import(StaffMember member) => store.Write(
        $"""
        INSERT INTO staff ({Columns})
        VALUES (@key, @protected, @role, @commune, @login, @registered, @citizen, @name, @position, @pending_day, @pending_visitors, @pending_asked, @disabled)
        ON CONFLICT (key) DO UPDATE SET protected_user_id = excluded.protected_user_id, role = excluded.role,
            commune_code = excluded.commune_code, login_name = excluded.login_name, registered_at = excluded.registered_at,
            answering_as_citizen = excluded.answering_as_citizen, full_name = excluded.full_name, position = excluded.position,
            pending_day = excluded.pending_day, pending_visitors = excluded.pending_visitors, pending_asked_at = excluded.pending_asked_at,
            disabled = excluded.disabled
        """,
        Args(member));

    private static NpgsqlParameter[] Args(StaffMember m) =>
    [
        Arg("key", m.Key), Arg("protected", m.ProtectedUserId), Arg("role", (short)m.Role), Text("commune", m.CommuneCode),
        Arg("login", m.LoginName), Arg("registered", m.RegisteredAt), Arg("citizen", m.AnsweringAsCitizen),
        Text("name", m.FullName), Text("position", m.Position),
        new("pending_day", NpgsqlDbType.Date) { Value = m.PendingCount is { } p ? DayOf(p.Date) : DBNull.Value },
        new("pending_visitors", NpgsqlDbType.Integer) { Value = (object?)m.PendingCount?.Visitors ?? DBNull.Value },
        Arg("pending_asked", m.PendingCount?.AskedAt),
        Arg("disabled", m.Disabled),
    ];

    private static StaffMember Read(NpgsqlDataReader r) => new()
    {
        Key = r.GetString(0),
        ProtectedUserId = r.GetString(1),
        Role = (StaffRole)r.GetInt16(2),
        CommuneCode = NullableText(r, 3),
        LoginName = r.GetString(4),
        RegisteredAt = r.GetFieldValue<DateTime>(5),
        AnsweringAsCitizen = r.GetBoolean(6),
        FullName = NullableText(r, 7),
        Position = NullableText(r, 8),
        PendingCount = r.IsDBNull(9) ? null : new PendingVisitorCount
        {
            Date = Midnight(r.GetFieldValue<DateOnly>(9)),
            Visitors = r.GetInt32(10),
            AskedAt = r.GetFieldValue<DateTime>(11),
        },
        Disabled = r.GetBoolean(12),
    };
}

internal sealed class PgInviteCodeStore(PgStore store) : IInviteCodeStore
{
    public InviteCodeRecord? Find(string scope) => store.One(
        "SELECT scope, code_hash, changed_by, changed_at FROM invite_codes WHERE scope = @scope" + store.ForUpdate, Read, Arg("scope", scope));

    public IReadOnlyList<InviteCodeRecord> All() => store.Query("SELECT scope, code_hash, changed_by, changed_at FROM invite_codes ORDER BY scope", Read);

    private static InviteCodeRecord Read(NpgsqlDataReader r) =>
        new() { Scope = r.GetString(0), CodeHash = NullableText(r, 1), ChangedBy = r.GetString(2), ChangedAt = r.GetFieldValue<DateTime>(3) };

    public void Save(InviteCodeRecord record) => store.Write(
        """
        INSERT INTO invite_codes (scope, code_hash, changed_by, changed_at) VALUES (@scope, @hash, @by, @at)
        ON CONFLICT (scope) DO UPDATE SET code_hash = excluded.code_hash, changed_by = excluded.changed_by, changed_at = excluded.changed_at
        """,
        Arg("scope", record.Scope), Text("hash", record.CodeHash), Arg("by", record.ChangedBy), Arg("at", record.ChangedAt));
}

internal sealed class PgThrottleStore(PgStore store) : IThrottleStore
{
    public RegistrationAttempts? Find(string key) => store.One(
        "SELECT key, failures, lockouts, locked_until FROM registration_attempts WHERE key = @key" + store.ForUpdate,
        r => new RegistrationAttempts
        {
            Key = r.GetString(0),
            Failures = [.. r.GetFieldValue<DateTime[]>(1)],
            Lockouts = r.GetInt32(2),
            LockedUntil = NullableTime(r, 3),
        },
        Arg("key", key));

    public void Save(RegistrationAttempts attempts) => store.Write(
        """
        INSERT INTO registration_attempts (key, failures, lockouts, locked_until) VALUES (@key, @failures, @lockouts, @until)
        ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until
        """,
        Arg("key", attempts.Key), Arg("failures", attempts.Failures.Select(Utc).ToArray()), Arg("lockouts", attempts.Lockouts),
        Arg("until", attempts.LockedUntil));

    public void Delete(string key) => store.Write("DELETE FROM registration_attempts WHERE key = @key", Arg("key", key));

    public int DeleteQuietSince(DateTime before, int batch) => store.Execute(
        """
        DELETE FROM registration_attempts WHERE key IN (
            SELECT key FROM registration_attempts
            WHERE (locked_until IS NULL OR locked_until < @before) AND NOT EXISTS (SELECT 1 FROM unnest(failures) f WHERE f >= @before)
            LIMIT @batch)
        """,
        Arg("before", before), Arg("batch", batch));
}

internal sealed class PgVisitorCountStore(PgStore store) : IVisitorCountStore
{
    private const string Columns = "id, commune_code, day, visitors, history";

    public VisitorCount? Find(string commune, DateOnly date) => store.One(
        $"SELECT {Columns} FROM visitor_counts WHERE id = @id" + store.ForUpdate, Read, Arg("id", VisitorCounts.IdOf(commune, date)));

    public IReadOnlyList<VisitorCount> All() => store.Query($"SELECT {Columns} FROM visitor_counts ORDER BY day, commune_code", Read);

    private static VisitorCount Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        CommuneCode = r.GetString(1),
        Date = Midnight(r.GetFieldValue<DateOnly>(2)),
        Visitors = r.GetInt32(3),
        History = JsonSerializer.Deserialize<List<VisitorCountChange>>(r.GetString(4)) ?? [],
    };

    public void Save(VisitorCount count) => store.Write(
        """
        INSERT INTO visitor_counts (id, commune_code, day, visitors, history) VALUES (@id, @commune, @day, @visitors, @history)
        ON CONFLICT (id) DO UPDATE SET commune_code = excluded.commune_code, day = excluded.day, visitors = excluded.visitors, history = excluded.history
        """,
        Arg("id", count.Id), Arg("commune", count.CommuneCode), Day("day", DayOf(count.Date)), Arg("visitors", count.Visitors),
        Json("history", JsonSerializer.Serialize(count.History)));

    public DailyCounts Between(DateOnly from, DateOnly to, string? commune = null) =>
        store.DailyCounts(
            "SELECT commune_code, day, visitors FROM visitor_counts WHERE day BETWEEN @from AND @to" + (commune is null ? "" : " AND commune_code = @commune"),
            from, to, Day("from", from), Day("to", to), Arg("commune", commune ?? ""));
}

internal sealed class PgPhotoStore(PgStore store) : IPhotoStore
{
    private const string Columns = "id, commune_code, day, staff_key, caption, file_id, content_type, size, received_at";

    public bool Add(PhotoReport report) => store.Execute(
        $"""
        INSERT INTO photos ({Columns}) VALUES (@id, @commune, @day, @staff, @caption, @file, @type, @size, @received)
        ON CONFLICT (id) DO NOTHING
        """,
        Arg("id", report.Id), Arg("commune", report.CommuneCode), Day("day", DayOf(report.Date)), Arg("staff", report.StaffKey),
        Text("caption", report.Caption), Arg("file", report.FileId), Arg("type", report.ContentType), Arg("size", report.Size),
        Arg("received", report.ReceivedAt)) == 1;

    public PhotoReport? Find(string id) => store.One($"SELECT {Columns} FROM photos WHERE id = @id", Read, Arg("id", id));

    public IReadOnlyList<PhotoReport> Of(string commune, DateOnly date) => store.Query(
        $"SELECT {Columns} FROM photos WHERE commune_code = @commune AND day = @day ORDER BY received_at, id",
        Read, Arg("commune", commune), Day("day", date));

    public DailyCounts CountByCommuneAndDay(DateOnly from, DateOnly to, string? commune = null) =>
        store.DailyCounts(
            "SELECT commune_code, day, count(*)::int FROM photos WHERE day BETWEEN @from AND @to"
            + (commune is null ? "" : " AND commune_code = @commune") + " GROUP BY commune_code, day",
            from, to, Day("from", from), Day("to", to), Arg("commune", commune ?? ""));

    public IReadOnlyList<PhotoReport> All() => store.Query($"SELECT {Columns} FROM photos ORDER BY received_at, id", Read);

    private static PhotoReport Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        CommuneCode = r.GetString(1),
        Date = Midnight(r.GetFieldValue<DateOnly>(2)),
        StaffKey = r.GetString(3),
        Caption = NullableText(r, 4),
        FileId = r.GetString(5),
        ContentType = r.GetString(6),
        Size = r.GetInt64(7),
        ReceivedAt = r.GetFieldValue<DateTime>(8),
    };
}

internal sealed class PgRosterStore(PgStore store) : IRosterStore
{
    /// <summary>Entries without an id get the next one; after entries with their own id, the next ones continue above them.</summary>
    public void ReplaceAll(IReadOnlyList<RosterEntry> imported) => store.Run(() =>
    {
        store.Write("DELETE FROM roster");
        foreach (var entry in imported)
        {
            NpgsqlParameter[] args =
            [
                Arg("commune", entry.CommuneCode), Arg("name", entry.Name), Arg("position", entry.Position), Text("phone", entry.Phone),
                Arg("duties", entry.DutyDates.Select(DayOf).ToArray()),
            ];
            entry.Id = entry.Id == 0
                ? store.Scalar<int>("INSERT INTO roster (commune_code, name, position, phone, duty_dates) VALUES (@commune, @name, @position, @phone, @duties) RETURNING id", args)
                : store.Scalar<int>("INSERT INTO roster (id, commune_code, name, position, phone, duty_dates) VALUES (@id, @commune, @name, @position, @phone, @duties) RETURNING id", [.. args, Arg("id", entry.Id)]);
        }
        if (imported.Count > 0)
            store.Execute("SELECT setval(pg_get_serial_sequence('roster', 'id'), greatest((SELECT max(id) FROM roster), 1))");
    });

    public IReadOnlyList<RosterEntry> All() => store.Query(
        "SELECT id, commune_code, name, position, phone, duty_dates FROM roster ORDER BY id",
        r => new RosterEntry
        {
            Id = r.GetInt32(0),
            CommuneCode = r.GetString(1),
            Name = r.GetString(2),
            Position = r.GetString(3),
            Phone = NullableText(r, 4),
            DutyDates = [.. r.GetFieldValue<DateOnly[]>(5).Select(Midnight)],
        });
}
