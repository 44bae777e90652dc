using System.ComponentModel.DataAnnotations;

namespace Reporting.Quota;

/// <summary>
/// Thresholds of the plan's quota, bound from the "Quota" configuration section. Ratios are decimal
/// so that a configured 0.3 or 1.2 compares exactly against whole numbers of answers.
/// </summary>
public sealed record QuotaOptions : IValidatableObject
{
    public const string SectionName = "Quota";

    [Range(typeof(decimal), "0", "100")]
    public decimal LowerRatio { get; init; } = 0.5m;

    [Range(typeof(decimal), "0", "100")]
    public decimal UpperRatio { get; init; } = 1.5m;

    [Range(0, int.MaxValue)]
    public int MinRespondents { get; init; } = 10;

    [Range(0, int.MaxValue)]
    public int CrowdedVisitorThreshold { get; init; } = 40;

    [Range(0, int.MaxValue)]
    public int CrowdedMinRespondents { get; init; } = 20;

    /// <summary>The most visitors a commune's desk can plausibly have in a day: a larger count is refused as a typing slip.</summary>
    [Range(1, 100_000, ErrorMessage = "Quota:MaxDailyVisitors must be between 1 and 100000.")]
    public int MaxDailyVisitors { get; init; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LowerRatio > UpperRatio)
        {
            yield return new ValidationResult(
                "Quota:LowerRatio must not be above Quota:UpperRatio.",
                [nameof(LowerRatio), nameof(UpperRatio)]);
        }
    }
}
