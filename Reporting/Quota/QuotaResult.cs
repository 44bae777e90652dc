namespace Reporting.Quota;

/// <summary>
/// The fewest and the most respondents that are on target for a visitor count. The band is empty
/// (<see cref="Lowest"/> above <see cref="Highest"/>) when so few people came that the minimum
/// number of answers is more than the upper ratio allows.
/// </summary>
public sealed record QuotaBand(int Lowest, int Highest);

/// <summary>
/// The quota's verdict on one commune over a day or a period, with the figures it judged, so that
/// a digest line or a chart bar shows exactly what the status was computed from.
/// </summary>
public sealed record QuotaResult(
    int? Visitors,
    int Respondents,
    QuotaStatus Status,
    bool Suspicious,
    QuotaBand? Band)
{
    /// <summary>So many visitors that the crowded desk's fixed minimum replaced the ratio.</summary>
    public bool Crowded { get; init; }

    /// <summary>
    /// False when the visitors were too few for any count to be on target (or were not reported):
    /// then the verdict has no band to quote.
    /// </summary>
    public bool HasBand => Band is { } band && band.Lowest <= band.Highest;

    /// <summary>Respondents per visitor, or null when there is nothing to divide by.</summary>
    public double? Ratio => Visitors is > 0 ? (double)Respondents / Visitors.Value : null;
}
