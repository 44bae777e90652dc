using ZaloBot.Storage;

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

public interface IRosterStore
{
    /// <summary>An import replaces the whole roster, so a corrected file never leaves stale rows behind.</summary>
    void ReplaceAll(IReadOnlyList<RosterEntry> imported);

    IReadOnlyList<RosterEntry> All();
}

public sealed class Roster(IRosterStore entries, IUnitOfWork unit)
{
    public void ReplaceAll(IReadOnlyList<RosterEntry> imported) => unit.Run(() => entries.ReplaceAll(imported));

    public IReadOnlyList<RosterEntry> All() => entries.All();

    /// <summary>"Name, position" of everyone on duty at a commune that day: QCDC's "people on duty" field.</summary>
    public IReadOnlyList<string> OnDuty(string commune, DateOnly date) => OnDutyBetween(date, date).GetValueOrDefault((commune, date), []);

    /// <summary>Everyone on duty per commune and day; the roster is one small file, read once.</summary>
    public IReadOnlyDictionary<(string Commune, DateOnly Day), IReadOnlyList<string>> OnDutyBetween(DateOnly from, DateOnly to) =>
        entries.All()
            .SelectMany(x => x.DutyDates.Select(d => (Entry: x, Day: DateOnly.FromDateTime(d))))
            .Where(x => x.Day >= from && x.Day <= to)
            .GroupBy(x => (x.Entry.CommuneCode, x.Day))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g
                .Select(x => string.IsNullOrWhiteSpace(x.Entry.Position) ? x.Entry.Name : $"{x.Entry.Name}, {x.Entry.Position}")
                .ToList());
}
