namespace Reporting.Exports;

/// <summary>
/// Names communes and orders them as the survey file lists them, so every export reads in the same
/// order. A code the survey file no longer lists keeps its data: it is named by its code and comes last.
/// </summary>
internal sealed class CommuneDirectory(IReadOnlyList<Commune> communes) : IComparer<string>
{
    private readonly Dictionary<string, (int Rank, string Name)> byCode = communes
        .Select((commune, rank) => (commune, rank))
        .DistinctBy(c => c.commune.Code)
        .ToDictionary(c => c.commune.Code, c => (c.rank, c.commune.Name));

    public string Name(string code) => byCode.TryGetValue(code, out var known) ? known.Name : code;

    public int Compare(string? x, string? y)
    {
        var byRank = Rank(x).CompareTo(Rank(y));
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private int Rank(string? code) => code is not null && byCode.TryGetValue(code, out var known) ? known.Rank : int.MaxValue;
}
