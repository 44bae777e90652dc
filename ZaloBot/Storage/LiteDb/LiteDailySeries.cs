using System.Globalization;
using LiteDB;

namespace ZaloBot.Storage.LiteDb;

/// <summary>One figure of one commune for every Vietnam day, in one document ("20261103" → n).</summary>
internal sealed class DailySeries
{
    /// <summary>"{figure}|{survey}|{commune}", e.g. "respondents|PKS02_2024|X07" or "visitors||X07".</summary>
    public string Id { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public Dictionary<string, int> Days { get; set; } = [];
}

/// <summary>
/// Daily figures kept one document per commune and figure, updated in the transaction that changes
/// them: the whole survey's figures of every commune are then one read per commune (500 documents
/// for 500 communes), not one per commune-day, which LiteDB would read a few thousand a second.
/// </summary>
internal sealed class LiteDailySeries(LiteStore store)
{
    private readonly ILiteCollection<DailySeries> series = store.Collection<DailySeries>("daily_series");

    public static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string IdOf(string figure, string survey, string commune) => $"{figure}|{survey}|{commune}";

    public void Add(string figure, string survey, string commune, DateOnly day, int delta) =>
        Change(figure, survey, commune, day, n => n + delta);

    public void Set(string figure, string survey, string commune, DateOnly day, int value) =>
        Change(figure, survey, commune, day, _ => value);

    private void Change(string figure, string survey, string commune, DateOnly day, Func<int, int> change)
    {
        var id = IdOf(figure, survey, commune);
        var doc = series.FindById(id) ?? new DailySeries { Id = id, CommuneCode = commune };
        var key = DayKey(day);
        doc.Days[key] = change(doc.Days.GetValueOrDefault(key));
        store.Run(() => series.Upsert(doc));
    }

    /// <summary>The figure per commune and day from <paramref name="from"/> to <paramref name="to"/>; one commune's only when given.</summary>
    public Dictionary<(string Commune, DateOnly Day), int> Read(string figure, string survey, DateOnly from, DateOnly to, string? commune = null)
    {
        var docs = commune is null
            ? series.Find(LiteQuery.StartsWith("_id", IdOf(figure, survey, "")))
            : series.FindById(IdOf(figure, survey, commune)) is { } one ? [one] : [];
        var (first, last) = (DayKey(from), DayKey(to));
        var figures = new Dictionary<(string, DateOnly), int>();
        foreach (var doc in docs)
            foreach (var (key, value) in doc.Days)
                if (string.CompareOrdinal(key, first) >= 0 && string.CompareOrdinal(key, last) <= 0)
                    figures[(doc.CommuneCode, DateOnly.ParseExact(key, "yyyyMMdd", CultureInfo.InvariantCulture))] = value;
        return figures;
    }

    /// <summary>The figures of every series whose name starts with <paramref name="prefix"/> (e.g. every quality flag).</summary>
    public IEnumerable<(string Figure, string Commune, DateOnly Day, int Value)> ReadAll(string prefix, string survey, DateOnly from, DateOnly to)
    {
        var (first, last) = (DayKey(from), DayKey(to));
        foreach (var doc in series.Find(LiteQuery.StartsWith("_id", prefix)).ToList())
        {
            var parts = doc.Id.Split('|');
            if (parts.Length != 3 || parts[1] != survey)
                continue;
            foreach (var (key, value) in doc.Days)
                if (string.CompareOrdinal(key, first) >= 0 && string.CompareOrdinal(key, last) <= 0)
                    yield return (parts[0], doc.CommuneCode, DateOnly.ParseExact(key, "yyyyMMdd", CultureInfo.InvariantCulture), value);
        }
    }
}
