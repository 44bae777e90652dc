namespace Reporting;

/// <summary>
/// Sums of stored counts that cannot overflow: a count typed wrong (or stored before counts were
/// checked) must never stop a digest, a page or an export, so totals saturate and the day is shown
/// as needing a check instead.
/// </summary>
public static class Counts
{
    /// <summary>More visitors than this at one commune's desk in one day is taken as a typing mistake.</summary>
    public const int MostPlausibleVisitorsPerDay = 10_000;

    /// <summary>A reported count that no desk could have: negative, or beyond <see cref="MostPlausibleVisitorsPerDay"/>.</summary>
    public static bool IsImplausibleVisitors(int? visitors) => visitors is < 0 or > MostPlausibleVisitorsPerDay;

    public static int Sum<T>(IEnumerable<T> items, Func<T, int> count) => Clamp(items.Aggregate(0L, (sum, item) => sum + count(item)));

    public static int Clamp(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);

    public static int Clamp(decimal value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
