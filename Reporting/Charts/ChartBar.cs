using Reporting.Quota;

namespace Reporting.Charts;

/// <summary>One commune's bar: the label under it (its code) and the verdict it is drawn from.</summary>
public sealed record ChartBar(string Label, QuotaResult Quota);
