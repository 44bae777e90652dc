using Reporting.Exports;
using Reporting.Quota;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class SummarySheetTests
{
    private static readonly Satisfaction ByReceiving = new("receive", ["1", "2"]);

    [Fact]
    public void Each_commune_has_its_period_figures_and_the_district_its_totals()
    {
        var table = SummarySheet.Build(Data, SurveyDays, new QuotaOptions(), ByReceiving);

        // X01's unreported day (13/06, 25 answers) counts in its total but not in its ratio;
        // TT01's answers of 15/06 are outside the filter
        AssertRows(table,
            ["X01", "Xã Tân Lập", "75", "50", "66.7", "Đạt", "75", "4", "2", "100.0", "", "1", "0"],
            ["X02", "Xã Đông Hòa", "40", "27", "67.5", "Đạt", "27", "4", "0", "", "", "0", "0"],
            ["TT01", "Thị trấn Phú Mỹ", "60", "41", "68.3", "Đạt", "41", "4", "0", "", "", "0", "0"],
            ["", "Toàn huyện", "175", "118", "67.4", "Đạt 3/3 xã", "143", "12", "2", "100.0", "", "1", "0"]);
    }

    [Fact]
    public void A_verdict_that_is_not_obvious_says_why()
    {
        CommuneDay[] days = [new("X01", June12, 30, 9, 1, []), new("X02", June12, 12, 20, 1, [])];

        var table = SummarySheet.Build(Data with { Days = days }, SurveyDays, new QuotaOptions());

        Assert.Equal("Thiếu phiếu (cần ≥15 phiếu)", Texts(table)[1][5]);
        Assert.Equal("Vượt mức (tối đa 18)", Texts(table)[2][5]);
        Assert.Equal("1", Texts(table)[2][12]); // one day with more answers than visitors
        Assert.Equal("Chưa báo cáo số lượt", Texts(table)[3][5]);
    }

    [Fact]
    public void Communes_rank_by_share_satisfied_ties_share_a_rank_and_thin_samples_are_not_ranked()
    {
        Commune[] communes = [new("A", "Xã A"), new("B", "Xã B"), new("C", "Xã C"), new("D", "Xã D")];
        var responses = new List<ResponseRecord>();
        void Add(string commune, int satisfied, int other)
        {
            for (var i = 0; i < satisfied + other; i++)
            {
                responses.Add(Response($"{commune}{i}", commune, "2024-06-12T03:00:00Z", 120,
                    new() { ["receive"] = [i < satisfied ? (i % 2 == 0 ? "1" : "2") : "3"] }));
            }
        }

        Add("A", 8, 2);
        Add("B", 9, 1);
        Add("C", 8, 2);
        Add("D", 5, 0); // every answer satisfied, but only five of them
        var data = new SurveyData(communes, Questions, [], responses);

        var summary = DistrictSummary.Build(data, SurveyDays, new QuotaOptions(), ByReceiving);

        Assert.Equal([2, 1, 2, null], summary.Select(c => c.Rank));
        Assert.Equal([80.0m, 90.0m, 80.0m, 100.0m], summary.Select(c => c.SatisfiedPercent));
    }

    [Fact]
    public void Without_the_satisfaction_question_in_the_survey_nobody_is_ranked()
    {
        var summary = DistrictSummary.Build(Data, SurveyDays, new QuotaOptions(), new Satisfaction("missing", ["1"]));

        Assert.All(summary, c => Assert.Equal((0, null, (int?)null), (c.SatisfactionAnswered, c.SatisfiedPercent, c.Rank)));
    }
}
