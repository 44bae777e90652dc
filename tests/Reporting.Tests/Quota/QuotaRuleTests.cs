using System.ComponentModel.DataAnnotations;
using Reporting.Quota;

namespace Reporting.Tests.Quota;

public sealed class QuotaRuleTests
{
    private static readonly QuotaOptions Defaults = new();

    [Theory]
    // ordinary desk: 0.5·V ≤ R ≤ 1.5·V and R ≥ 10
    [InlineData(30, 15, QuotaStatus.OnTarget)] // R = 0.5·V exactly
    [InlineData(30, 14, QuotaStatus.Below)]
    [InlineData(30, 45, QuotaStatus.OnTarget)] // R = 1.5·V exactly
    [InlineData(30, 46, QuotaStatus.Above)]
    [InlineData(15, 8, QuotaStatus.Below)] // 0.5·15 = 7.5 but the minimum of 10 applies
    [InlineData(15, 10, QuotaStatus.OnTarget)] // R = 10 exactly
    [InlineData(15, 9, QuotaStatus.Below)] // R = 9
    [InlineData(16, 24, QuotaStatus.OnTarget)]
    [InlineData(16, 25, QuotaStatus.Above)]
    // odd visitor counts: the bounds round towards the rule, never away from it
    [InlineData(25, 13, QuotaStatus.OnTarget)] // 12.5 rounds up to 13
    [InlineData(25, 12, QuotaStatus.Below)]
    [InlineData(25, 37, QuotaStatus.OnTarget)] // 37.5 rounds down to 37
    [InlineData(25, 38, QuotaStatus.Above)]
    // crowded desk: V above 40 needs 20 answers instead of half the visitors
    [InlineData(40, 20, QuotaStatus.OnTarget)] // V = threshold is not crowded: 0.5·40 = 20
    [InlineData(40, 19, QuotaStatus.Below)]
    [InlineData(41, 20, QuotaStatus.OnTarget)] // V = threshold + 1 is crowded
    [InlineData(41, 19, QuotaStatus.Below)]
    [InlineData(100, 20, QuotaStatus.OnTarget)] // far below 0.5·V, yet enough for a crowded desk
    [InlineData(100, 150, QuotaStatus.OnTarget)] // the upper bound still follows V
    [InlineData(100, 151, QuotaStatus.Above)]
    // a quiet desk: the minimum of 10 is above 1.5·V, so no count is on target
    [InlineData(4, 3, QuotaStatus.Below)]
    [InlineData(4, 6, QuotaStatus.Below)]
    [InlineData(4, 7, QuotaStatus.Above)]
    // nobody came
    [InlineData(0, 0, QuotaStatus.Below)]
    [InlineData(0, 1, QuotaStatus.Above)]
    public void Status_follows_the_plan_rule_with_default_thresholds(int visitors, int respondents, QuotaStatus expected)
    {
        Assert.Equal(expected, QuotaRule.Evaluate(visitors, respondents, Defaults).Status);
    }

    [Theory]
    [InlineData(20, 20, false)]
    [InlineData(20, 21, true)]
    [InlineData(0, 1, true)]
    [InlineData(0, 0, false)]
    [InlineData(41, 60, true)] // on target (≤ 1.5·V) and still more answers than visitors
    public void More_answers_than_visitors_is_flagged_suspicious(int visitors, int respondents, bool suspicious)
    {
        Assert.Equal(suspicious, QuotaRule.Evaluate(visitors, respondents, Defaults).Suspicious);
    }

    [Fact]
    public void Suspicious_flag_comes_on_top_of_the_status()
    {
        var result = QuotaRule.Evaluate(41, 60, Defaults);

        Assert.Equal(QuotaStatus.OnTarget, result.Status);
        Assert.True(result.Suspicious);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void Missing_visitor_count_is_not_reported_and_never_suspicious(int respondents)
    {
        var result = QuotaRule.Evaluate(null, respondents, Defaults);

        Assert.Equal(QuotaStatus.NotReported, result.Status);
        Assert.False(result.Suspicious);
        Assert.Null(result.Band);
        Assert.Null(result.Ratio);
    }

    [Theory]
    [InlineData(30, 15, 45)]
    [InlineData(15, 10, 22)]
    [InlineData(41, 20, 61)]
    [InlineData(4, 10, 6)] // empty band
    [InlineData(0, 10, 0)]
    public void Band_gives_the_fewest_and_most_answers_on_target(int visitors, int lowest, int highest)
    {
        Assert.Equal(new QuotaBand(lowest, highest), QuotaRule.Evaluate(visitors, 0, Defaults).Band);
    }

    [Theory]
    [InlineData(20, 12, QuotaStatus.Below)] // needs 0.7·20 = 14
    [InlineData(20, 14, QuotaStatus.OnTarget)]
    [InlineData(20, 24, QuotaStatus.OnTarget)] // 1.2·20 = 24
    [InlineData(20, 25, QuotaStatus.Above)]
    [InlineData(8, 5, QuotaStatus.Below)] // minimum lowered to 6
    [InlineData(8, 6, QuotaStatus.OnTarget)]
    [InlineData(30, 29, QuotaStatus.OnTarget)] // crowded above 25: the floor of 15 replaces 0.7·30 = 21
    [InlineData(30, 15, QuotaStatus.OnTarget)]
    [InlineData(30, 14, QuotaStatus.Below)]
    public void Custom_thresholds_replace_the_defaults(int visitors, int respondents, QuotaStatus expected)
    {
        var options = new QuotaOptions
        {
            LowerRatio = 0.7m,
            UpperRatio = 1.2m,
            MinRespondents = 6,
            CrowdedVisitorThreshold = 25,
            CrowdedMinRespondents = 15,
        };

        Assert.Equal(expected, QuotaRule.Evaluate(visitors, respondents, options).Status);
    }

    [Fact]
    public void Ratio_is_answers_per_visitor()
    {
        Assert.Equal(0.6, QuotaRule.Evaluate(30, 18, Defaults).Ratio);
        Assert.Null(QuotaRule.Evaluate(0, 3, Defaults).Ratio);
    }

    [Fact]
    public void A_negative_respondent_count_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaRule.Evaluate(10, -1, Defaults));
    }

    [Fact]
    public void A_stored_negative_visitor_count_is_not_judged_but_flagged_for_a_check()
    {
        var result = QuotaRule.Evaluate(-1, 0, Defaults);
        Assert.Equal(QuotaStatus.NotReported, result.Status);
        Assert.True(result.Suspicious);
    }

    [Fact]
    public void Two_billion_visitors_give_a_band_without_overflow()
    {
        var result = QuotaRule.Evaluate(2_000_000_000, 5, Defaults);
        Assert.Equal(QuotaStatus.Below, result.Status);
        Assert.Equal(int.MaxValue, result.Band!.Highest);
        var period = QuotaRule.EvaluatePeriod([new CommuneDay("X07", new DateOnly(2024, 6, 12), 2_000_000_000, 5, 0, []), new CommuneDay("X07", new DateOnly(2024, 6, 13), 2_000_000_000, 5, 0, [])], Defaults);
        Assert.Equal(int.MaxValue, period.Visitors);
    }

    [Theory]
    [InlineData(0.5, 1.5, true)]
    [InlineData(1.0, 1.0, true)]
    [InlineData(1.6, 1.5, false)]
    [InlineData(-0.1, 1.5, false)]
    public void Options_validation_rejects_inverted_or_negative_ratios(double lower, double upper, bool valid)
    {
        var options = new QuotaOptions { LowerRatio = (decimal)lower, UpperRatio = (decimal)upper };

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        Assert.Equal(valid, ok);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(-10, false)]
    public void Options_validation_rejects_a_daily_visitor_maximum_below_one(int maximum, bool valid)
    {
        var options = new QuotaOptions { MaxDailyVisitors = maximum };

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        Assert.Equal(valid, ok);
    }
}
