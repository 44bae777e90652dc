using LiteDB;

namespace ZaloBot.Volunteers;

/// <summary>One person of the duty roster ("danh sách, lịch phân công").</summary>
public sealed class RosterEntry
{
    public int Id { get; set; }

    public string CommuneCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string Position { get; set; } = "";

    public string? Phone { get; set; }

    /// <summary>The Vietnam days on duty, each stored as midnight UTC of that date.</summary>
    public List<DateTime> DutyDates { get; set; } = [];
}

public sealed class Roster(Storage.Database db)
{
    private readonly ILiteCollection<RosterEntry> entries = db.Collection<RosterEntry>("roster");

    /// <summary>An import replaces the whole roster, so a corrected file never leaves stale rows behind.</summary>
    public void ReplaceAll(IEnumerable<RosterEntry> imported) => db.InTransaction(() =>
    {
        entries.DeleteAll();
        entries.InsertBulk(imported);
    });

    public IReadOnlyList<RosterEntry> All() => entries.FindAll().ToList();

    /// <summary>"Name, position" of everyone on duty at a commune that day: QCDC's "people on duty" field.</summary>
    public IReadOnlyList<string> OnDuty(string commune, DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return entries.Find(x => x.CommuneCode == commune)
            .Where(x => x.DutyDates.Contains(day))
            .Select(x => string.IsNullOrWhiteSpace(x.Position) ? x.Name : $"{x.Name}, {x.Position}")
            .ToList();
    }
}
