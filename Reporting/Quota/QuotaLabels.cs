using System.Globalization;

namespace Reporting.Quota;

/// <summary>
/// Short Vietnamese names for the verdicts, shared by the digest, the charts and the reports. They do
/// not quote the configured ratios, so a district that changes them gets no stale "150%" in its
/// reports; <see cref="Verdict"/> quotes the counts the verdict was judged against instead.
/// </summary>
public static class QuotaLabels
{
    public const string Suspicious = "Phiếu nhiều hơn lượt đến";

    public const string FewVisitors = "Ít người đến, chưa xét chỉ tiêu";

    public static string Label(this QuotaStatus status) => status switch
    {
        QuotaStatus.NotReported => "Chưa báo cáo số lượt",
        QuotaStatus.Below => "Thiếu phiếu",
        QuotaStatus.OnTarget => "Đạt",
        QuotaStatus.Above => "Vượt mức",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// The verdict with its reason where the label alone would leave a reader guessing:
    /// "Thiếu phiếu (cần ≥15 phiếu)", "Thiếu phiếu (đông người: cần ≥20)", "Vượt mức (tối đa 18)".
    /// A day with so few visitors that no count is on target says so, rather than quoting a
    /// minimum above the maximum.
    /// </summary>
    public static string Verdict(this QuotaResult quota, QuotaOptions options) => quota.Status switch
    {
        QuotaStatus.NotReported or QuotaStatus.OnTarget => quota.Status.Label(),
        _ when !quota.HasBand => TooFewVisitors(options),
        QuotaStatus.Below => $"{quota.Status.Label()} ({Needed(quota)})",
        QuotaStatus.Above => $"{quota.Status.Label()} (tối đa {Count(quota.Band!.Highest)})",
        _ => throw new ArgumentOutOfRangeException(nameof(quota), quota.Status, null),
    };

    /// <summary>"R &gt; V" with the figures: "Phiếu nhiều hơn lượt đến (20 > 12)".</summary>
    public static string SuspiciousWithFigures(this QuotaResult quota) =>
        $"{Suspicious} ({Count(quota.Respondents)} > {Count(quota.Visitors ?? 0)})";

    private static string Needed(QuotaResult quota) => quota.Crowded
        ? $"đông người: cần ≥{Count(quota.Band!.Lowest)}"
        : $"cần ≥{Count(quota.Band!.Lowest)} phiếu";

    private static string TooFewVisitors(QuotaOptions options) =>
        QuotaRule.FewestVisitorsWithBand(options) is { } fewest
            ? $"{FewVisitors} (cần ≥{Count(fewest)} lượt)"
            : FewVisitors;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
