namespace Reporting.Quota;

public enum QuotaStatus
{
    /// <summary>No visitor count yet, so the quota cannot be judged.</summary>
    NotReported,
    Below,
    OnTarget,
    Above,
}

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
