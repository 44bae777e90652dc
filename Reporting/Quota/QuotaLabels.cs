namespace Reporting.Quota;

/// <summary>
/// Short Vietnamese names for the verdicts, shared by the digest and the charts. They do not quote
/// the configured ratios, so a district that changes them gets no stale "150%" in its reports.
/// </summary>
public static class QuotaLabels
{
    public const string Suspicious = "Phiếu nhiều hơn lượt đến";

    public static string Label(this QuotaStatus status) => status switch
    {
        QuotaStatus.NotReported => "Chưa báo cáo số lượt",
        QuotaStatus.Below => "Thiếu phiếu",
        QuotaStatus.OnTarget => "Đạt",
        QuotaStatus.Above => "Vượt mức",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
