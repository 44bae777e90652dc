using Reporting.Quota;

namespace Reporting.Tests.Quota;

public sealed class QuotaPeriodTests
{
    private static readonly QuotaOptions Defaults = new();

    private static CommuneDay Day(int day, int? visitors, int respondents) =>
        new("X01", new DateOnly(2024, 6, day), visitors, respondents, Photos: 1, OnDuty: []);

    [Fact]
    public void Period_is_judged_on_the_totals_of_its_days()
    {
        // each day alone is below (8 < 10), together they are on target: 24 of 36 visitors
        var result = QuotaRule.EvaluatePeriod([Day(12, 12, 8), Day(13, 12, 8), Day(14, 12, 8)], Defaults);

        Assert.Equal(QuotaStatus.OnTarget, result.Status);
        Assert.Equal(36, result.Visitors);
        Assert.Equal(24, result.Respondents);
    }

    [Fact]
    public void Unreported_days_are_left_out_of_the_period_with_their_answers()
    {
        var result = QuotaRule.EvaluatePeriod([Day(12, 20, 12), Day(13, null, 30), Day(14, 20, 12)], Defaults);

        Assert.Equal(QuotaStatus.OnTarget, result.Status);
        Assert.False(result.Suspicious);
        Assert.Equal(40, result.Visitors);
        Assert.Equal(24, result.Respondents);
    }

    [Fact]
    public void Period_is_not_reported_only_when_no_day_has_a_visitor_count()
    {
        var result = QuotaRule.EvaluatePeriod([Day(12, null, 5), Day(13, null, 7)], Defaults);

        Assert.Equal(QuotaStatus.NotReported, result.Status);
        Assert.Equal(12, result.Respondents);
    }

    [Fact]
    public void Empty_period_is_not_reported()
    {
        Assert.Equal(QuotaStatus.NotReported, QuotaRule.EvaluatePeriod([], Defaults).Status);
    }

    [Fact]
    public void Crowded_threshold_applies_to_the_period_total()
    {
        // 3 × 30 visitors is crowded as a period: 20 answers suffice instead of 45
        var result = QuotaRule.EvaluatePeriod([Day(12, 30, 7), Day(13, 30, 7), Day(14, 30, 7)], Defaults);

        Assert.Equal(QuotaStatus.OnTarget, result.Status);
    }

    [Fact]
    public void Period_of_several_communes_is_rejected()
    {
        var other = Day(13, 10, 10) with { CommuneCode = "X02" };

        Assert.Throws<ArgumentException>(() => QuotaRule.EvaluatePeriod([Day(12, 10, 10), other], Defaults));
    }
}
