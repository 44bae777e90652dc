using Reporting.Quota;

namespace Reporting.Tests.Quota;

public sealed class QuotaLabelsTests
{
    private static readonly QuotaOptions Defaults = new();

    [Theory]
    [InlineData(30, 20, "Đạt")]
    [InlineData(30, 9, "Thiếu phiếu (cần ≥15 phiếu)")]
    [InlineData(15, 9, "Thiếu phiếu (cần ≥10 phiếu)")] // the minimum of 10, not half the visitors
    [InlineData(41, 19, "Thiếu phiếu (đông người: cần ≥20)")]
    [InlineData(30, 46, "Vượt mức (tối đa 45)")]
    [InlineData(4, 3, "Ít người đến, chưa xét chỉ tiêu (cần ≥7 lượt)")] // at least 10, at most 6: no band
    [InlineData(4, 9, "Ít người đến, chưa xét chỉ tiêu (cần ≥7 lượt)")]
    [InlineData(0, 0, "Ít người đến, chưa xét chỉ tiêu (cần ≥7 lượt)")]
    public void Verdict_says_why_when_the_label_alone_would_not(int visitors, int respondents, string expected)
    {
        Assert.Equal(expected, QuotaRule.Evaluate(visitors, respondents, Defaults).Verdict(Defaults));
    }

    [Fact]
    public void Verdict_of_an_unreported_day_is_its_label()
    {
        Assert.Equal("Chưa báo cáo số lượt", QuotaRule.Evaluate(null, 5, Defaults).Verdict(Defaults));
    }

    [Fact]
    public void Fewest_visitors_with_a_band_follows_the_options()
    {
        // 7 visitors allow up to 10 answers, the minimum; 6 allow only 9
        Assert.Equal(7, QuotaRule.FewestVisitorsWithBand(Defaults));
        Assert.True(QuotaRule.Evaluate(7, 10, Defaults).HasBand);
        Assert.False(QuotaRule.Evaluate(6, 9, Defaults).HasBand);
        Assert.Equal(20, QuotaRule.FewestVisitorsWithBand(Defaults with { MinRespondents = 20, UpperRatio = 1m }));
        Assert.Null(QuotaRule.FewestVisitorsWithBand(Defaults with { UpperRatio = 0m }));
    }

    [Fact]
    public void Without_any_band_the_verdict_names_no_visitor_count()
    {
        var never = Defaults with { UpperRatio = 0m };

        Assert.Equal("Ít người đến, chưa xét chỉ tiêu", QuotaRule.Evaluate(30, 9, never).Verdict(never));
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(41, true)]
    public void A_desk_above_the_threshold_is_crowded(int visitors, bool crowded)
    {
        Assert.Equal(crowded, QuotaRule.Evaluate(visitors, 20, Defaults).Crowded);
    }

    [Fact]
    public void More_answers_than_visitors_quotes_both()
    {
        Assert.Equal("Phiếu nhiều hơn lượt đến (20 > 12)", QuotaRule.Evaluate(12, 20, Defaults).SuspiciousWithFigures());
    }

    [Theory]
    [InlineData("X04", "Xã Đông Hưng", "X04 Đông Hưng")]
    [InlineData("TT01", "Thị trấn Chợ Mới", "TT01 Chợ Mới")]
    [InlineData("P02", "Phường 2", "P02 Phường 2")]
    [InlineData("X09", "Tân An Hội", "X09 Tân An Hội")]
    [InlineData("X01", "", "X01")]
    [InlineData("X01", "X01", "X01")]
    [InlineData("X05", "xã Phước Long", "X05 Phước Long")]
    public void A_commune_label_is_its_code_and_its_own_name(string code, string name, string expected)
    {
        Assert.Equal(expected, new Commune(code, name).Label());
    }

    [Fact]
    public void A_decomposed_name_is_labelled_composed()
    {
        var label = new Commune("X04", "Xã Đông Hưng".Normalize(System.Text.NormalizationForm.FormD)).Label();

        Assert.Equal("X04 Đông Hưng", label);
    }
}
