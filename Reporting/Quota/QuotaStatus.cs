namespace Reporting.Quota;

public enum QuotaStatus
{
    /// <summary>No visitor count yet, so the quota cannot be judged.</summary>
    NotReported,
    Below,
    OnTarget,
    Above,
}
