using ZaloBot.Storage;

namespace ZaloBot.Volunteers;

/// <summary>A correction of a day's visitor count: who changed it, when, and from what.</summary>
public sealed class VisitorCountChange
{
    public string StaffKey { get; set; } = "";

    public DateTime At { get; set; }

    public int? OldValue { get; set; }

    public int NewValue { get; set; }
}

/// <summary>The visitors at a commune's one-stop desk on one Vietnam day, with its history.</summary>
public sealed class VisitorCount
{
    /// <summary>"X07|2024-06-12".</summary>
    public string Id { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public DateTime Date { get; set; }

    public int Visitors { get; set; }

    public List<VisitorCountChange> History { get; set; } = [];
}

public interface IVisitorCountStore
{
    VisitorCount? Find(string commune, DateOnly date);

    void Save(VisitorCount count);

    /// <summary>The counts of every commune from <paramref name="from"/> to <paramref name="to"/>, without their history.</summary>
    DailyCounts Between(DateOnly from, DateOnly to, string? commune = null);

    /// <summary>Every commune-day's count with its history.</summary>
    IReadOnlyList<VisitorCount> All();
}

public sealed class VisitorCounts(IVisitorCountStore counts)
{
    public static string IdOf(string commune, DateOnly date) => $"{commune}|{date:yyyy-MM-dd}";

    public int? On(string commune, DateOnly date) => counts.Find(commune, date)?.Visitors;

    public VisitorCount? Find(string commune, DateOnly date) => counts.Find(commune, date);

    /// <summary>Sets the day's count; a later report the same day corrects it and keeps the old value in the history.</summary>
    public VisitorCount Report(string commune, DateOnly date, int visitors, string staffKey, DateTime now)
    {
        var count = Find(commune, date) ?? new VisitorCount
        {
            Id = IdOf(commune, date),
            CommuneCode = commune,
            Date = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        count.History.Add(new VisitorCountChange { StaffKey = staffKey, At = now, OldValue = count.History.Count == 0 ? null : count.Visitors, NewValue = visitors });
        count.Visitors = visitors;
        counts.Save(count);
        return count;
    }

    public DailyCounts Between(DateOnly from, DateOnly to, string? commune = null) => counts.Between(from, to, commune);
}
