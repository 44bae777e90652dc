using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ZaloBot.Storage;

/// <summary>
/// One figure per commune and Vietnam day from <see cref="From"/> to <see cref="To"/>, kept as one
/// array of days per commune: a 400-day survey of 500 communes is 500 arrays rather than 200,000
/// dictionary entries. A day nobody counted is absent, which is not the same as a count of 0 (a
/// commune that reported no visitors differs from one that did not report).
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named for what it holds: the counts of each day.")]
public sealed class DailyCounts(DateOnly from, DateOnly to) : IReadOnlyDictionary<(string Commune, DateOnly Day), int>
{
    private const int Absent = int.MinValue;
    private readonly Dictionary<string, int[]> communes = new(StringComparer.Ordinal);

    public DateOnly From { get; } = from;

    public DateOnly To { get; } = to;

    private int Length => Math.Max(0, To.DayNumber - From.DayNumber + 1);

    public int Count { get; private set; }

    /// <summary>Sets a day's figure; a day outside the range is left out.</summary>
    public void Set(string commune, DateOnly day, int value)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(value, Absent);
        if (day < From || day > To)
            return;
        if (!communes.TryGetValue(commune, out var days))
        {
            days = new int[Length];
            Array.Fill(days, Absent);
            communes[commune] = days;
        }
        ref var slot = ref days[day.DayNumber - From.DayNumber];
        if (slot == Absent)
            Count++;
        slot = value;
    }

    /// <summary>Adds to a day's figure (absent counts as 0).</summary>
    public void Add(string commune, DateOnly day, int value) => Set(commune, day, this.GetValueOrDefault((commune, day)) + value);

    public bool TryGetValue((string Commune, DateOnly Day) key, out int value)
    {
        value = 0;
        if (key.Day < From || key.Day > To || !communes.TryGetValue(key.Commune, out var days))
            return false;
        var found = days[key.Day.DayNumber - From.DayNumber];
        if (found == Absent)
            return false;
        value = found;
        return true;
    }

    public bool ContainsKey((string Commune, DateOnly Day) key) => TryGetValue(key, out _);

    public int this[(string Commune, DateOnly Day) key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No figure for {key.Commune} on {key.Day}.");

    public IEnumerable<(string Commune, DateOnly Day)> Keys => this.Select(x => x.Key);

    public IEnumerable<int> Values => this.Select(x => x.Value);

    /// <summary>Commune by commune in the order they were first set, each day by day.</summary>
    public IEnumerator<KeyValuePair<(string Commune, DateOnly Day), int>> GetEnumerator()
    {
        foreach (var (commune, days) in communes)
            for (var i = 0; i < days.Length; i++)
                if (days[i] != Absent)
                    yield return new((commune, From.AddDays(i)), days[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
