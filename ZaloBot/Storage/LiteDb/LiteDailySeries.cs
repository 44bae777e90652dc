using System.Buffers.Binary;
using LiteDB;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// One figure of one commune for every Vietnam day it has, in one document: the days from
/// <see cref="FirstDay"/> on, four bytes each (little-endian; <see cref="int.MinValue"/> where
/// nothing was counted).
/// </summary>
internal sealed class DailySeries
{
    /// <summary>"{figure}|{survey}|{commune}", e.g. "respondents|PKS02_2024|X07" or "visitors||X07".</summary>
    public string Id { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    /// <summary>The first day's <see cref="DateOnly.DayNumber"/>.</summary>
    public int FirstDay { get; set; }

    public byte[] Counts { get; set; } = [];

    private const int NotCounted = int.MinValue;

    private int Length => Counts.Length / sizeof(int);

    public int? On(DateOnly day)
    {
        var i = day.DayNumber - FirstDay;
        if (i < 0 || i >= Length)
            return null;
        var value = BinaryPrimitives.ReadInt32LittleEndian(Counts.AsSpan(i * sizeof(int)));
        return value == NotCounted ? null : value;
    }

    public void Set(DateOnly day, int value)
    {
        if (Length == 0)
            FirstDay = day.DayNumber;
        var first = Math.Min(FirstDay, day.DayNumber);
        var last = Math.Max(FirstDay + Length - 1, day.DayNumber);
        if (first != FirstDay || last != FirstDay + Length - 1)
        {
            var grown = new byte[(last - first + 1) * sizeof(int)];
            for (var i = 0; i < grown.Length; i += sizeof(int))
                BinaryPrimitives.WriteInt32LittleEndian(grown.AsSpan(i), NotCounted);
            Counts.CopyTo(grown, (FirstDay - first) * sizeof(int));
            (Counts, FirstDay) = (grown, first);
        }
        BinaryPrimitives.WriteInt32LittleEndian(Counts.AsSpan((day.DayNumber - FirstDay) * sizeof(int)), value);
    }

    /// <summary>Every counted day from <paramref name="from"/> to <paramref name="to"/>, into <paramref name="into"/>.</summary>
    public void CopyTo(DailyCounts into, DateOnly from, DateOnly to)
    {
        var first = Math.Max(from.DayNumber, FirstDay);
        var last = Math.Min(to.DayNumber, FirstDay + Length - 1);
        for (var day = first; day <= last; day++)
            if (On(DateOnly.FromDayNumber(day)) is { } value)
                into.Set(CommuneCode, DateOnly.FromDayNumber(day), value);
    }

    public long Total()
    {
        long total = 0;
        for (var i = 0; i < Length; i++)
            if (BinaryPrimitives.ReadInt32LittleEndian(Counts.AsSpan(i * sizeof(int))) is var value and not NotCounted)
                total += value;
        return total;
    }
}

/// <summary>
/// Daily figures kept one document per commune and figure, updated in the transaction that changes
/// them: the whole survey's figures of every commune are then one small read per commune (500
/// documents of a few kilobytes for 500 communes), not one per commune-day.
/// </summary>
internal sealed class LiteDailySeries
{
    private readonly LiteStore store;
    private readonly ILiteCollection<DailySeries> series;

    public LiteDailySeries(LiteStore store)
    {
        this.store = store;
        series = store.Collection<DailySeries>(Collection);
        store.Run(() => UpgradeDayMaps(store.Lite.GetCollection(Collection)));
    }

    private const string Collection = "daily_series";

    private static string IdOf(string figure, string survey, string commune) => $"{figure}|{survey}|{commune}";

    public void Add(string figure, string survey, string commune, DateOnly day, int delta) =>
        Change(figure, survey, commune, day, n => n + delta);

    public void Set(string figure, string survey, string commune, DateOnly day, int value) =>
        Change(figure, survey, commune, day, _ => value);

    private void Change(string figure, string survey, string commune, DateOnly day, Func<int, int> change)
    {
        var id = IdOf(figure, survey, commune);
        var doc = series.FindById(id) ?? new DailySeries { Id = id, CommuneCode = commune };
        doc.Set(day, change(doc.On(day) ?? 0));
        store.Run(() => series.Upsert(doc));
    }

    /// <summary>The figure per commune and day from <paramref name="from"/> to <paramref name="to"/>; one commune's only when given.</summary>
    public DailyCounts Read(string figure, string survey, DateOnly from, DateOnly to, string? commune = null)
    {
        var figures = new DailyCounts(from, to);
        foreach (var doc in Of(figure, survey, commune))
            doc.CopyTo(figures, from, to);
        return figures;
    }

    /// <summary>The figure over every day, all communes together.</summary>
    public long Total(string figure, string survey) => Of(figure, survey, null).Sum(doc => doc.Total());

    private IEnumerable<DailySeries> Of(string figure, string survey, string? commune) =>
        commune is null
            ? series.Find(LiteQuery.StartsWith("_id", IdOf(figure, survey, "")))
            : series.FindById(IdOf(figure, survey, commune)) is { } one ? [one] : [];

    /// <summary>Series written as a map of "yyyyMMdd" keys (data files of earlier versions) become day arrays.</summary>
    private static void UpgradeDayMaps(ILiteCollection<BsonDocument> raw)
    {
        foreach (var old in raw.Find(BsonExpression.Create("$.Days != null")).ToList())
        {
            var upgraded = new DailySeries { Id = old["_id"].AsString, CommuneCode = old["CommuneCode"].AsString };
            foreach (var (key, value) in old["Days"].AsDocument)
                upgraded.Set(DateOnly.ParseExact(key, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), value.AsInt32);
            old.Remove("Days");
            old["FirstDay"] = upgraded.FirstDay;
            old["Counts"] = upgraded.Counts;
            raw.Update(old);
        }
    }
}
