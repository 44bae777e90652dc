using Reporting.Quota;

namespace Reporting.Charts;

/// <summary>One colour per quota status, shared by the charts and any page that shows them beside one.</summary>
public static class StatusPalette
{
    public static string Hex(QuotaStatus status) => status switch
    {
        QuotaStatus.OnTarget => "#2E7D32",
        QuotaStatus.Below => "#EF6C00",
        QuotaStatus.Above => "#C62828",
        QuotaStatus.NotReported => "#9E9E9E",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
