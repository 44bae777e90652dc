using System.Globalization;

namespace ZaloBot.Benchmarks;

/// <summary>"--name value" pairs from the command line.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        return new Options(values);
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => values.GetValueOrDefault(name);
}
