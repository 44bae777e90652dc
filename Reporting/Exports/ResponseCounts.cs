namespace Reporting.Exports;

/// <summary>How many of a commune's respondents carry a quality flag (each response counted once per flag).</summary>
public sealed record FlagCount(string CommuneCode, string Flag, int Count);

/// <summary>
/// What the summary, the tallies and the final report count over the export's days, every commune:
/// the chosen options per commune and question (see <see cref="TallyCount"/>) and the flagged
/// responses per commune. The service reads them from the counters it keeps as each response is
/// stored; <see cref="Count"/> makes the same figures in one pass over responses.
/// </summary>
public sealed record ResponseCounts(IReadOnlyList<TallyCount> Tallies, IReadOnlyList<FlagCount> Flagged)
{
    /// <summary>The counts of <paramref name="responses"/>, read once, one at a time, keeping only the counts.</summary>
    public static ResponseCounts Count(IEnumerable<ResponseRecord> responses)
    {
        var counter = new ResponseCounter();
        foreach (var response in responses)
        {
            counter.Add(response);
        }

        return counter.Counts();
    }

    /// <summary>The counts of the communes the filter takes.</summary>
    public ResponseCounts Of(ExportFilter filter) => filter.AllCommunes
        ? this
        : new([.. Tallies.Where(t => filter.Communes!.Contains(t.CommuneCode))], [.. Flagged.Where(f => filter.Communes!.Contains(f.CommuneCode))]);
}

/// <summary>Counts responses as something else reads them, keeping only the counts (see <see cref="ResponseCounts"/>).</summary>
internal sealed class ResponseCounter
{
    private readonly Dictionary<(string Commune, string Question, string Option), int> tallies = [];
    private readonly Dictionary<(string Commune, string Flag), int> flagged = [];

    public void Add(ResponseRecord response)
    {
        foreach (var (question, chosen) in response.Answers.Where(a => a.Value.Count > 0))
        {
            foreach (var option in chosen.Distinct().Prepend(""))
            {
                var key = (response.CommuneCode, question, option);
                tallies[key] = tallies.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var flag in response.QualityFlags.Distinct())
        {
            flagged[(response.CommuneCode, flag)] = flagged.GetValueOrDefault((response.CommuneCode, flag)) + 1;
        }
    }

    public ResponseCounts Counts() => new(
        [.. tallies.Select(t => new TallyCount(t.Key.Commune, t.Key.Question, t.Key.Option, t.Value))],
        [.. flagged.Select(f => new FlagCount(f.Key.Commune, f.Key.Flag, f.Value))]);
}
