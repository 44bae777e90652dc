using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class BoardExportTests
{
    [Fact]
    public void The_full_export_is_the_summary_QCDC_sheet_tallies_comments_and_responses_in_that_order()
    {
        var tables = BoardExport.Tables(Data, SurveyDays);

        Assert.Equal(["Tổng hợp", "QCDC PKS02", "Thống kê", "Ý kiến", "Phiếu"], tables.Select(t => t.Name));
    }

    [Fact]
    public void The_summary_judges_by_the_quota_it_is_given()
    {
        var strict = new Reporting.Quota.QuotaOptions { CrowdedMinRespondents = 60 };

        var summary = BoardExport.Tables(Data, SurveyDays, strict)[0];

        Assert.Equal("Thiếu phiếu (đông người: cần ≥60)", Texts(summary)[1][5]);
    }

    [Fact]
    public void Every_sheet_applies_the_same_filter()
    {
        var tables = BoardExport.Tables(Data, new ExportFilter(June13, June13, ["X02"]));

        Assert.Equal(["X02", "Xã Đông Hòa", "22", "15"], Texts(tables[0])[1][..4]);
        Assert.Equal("Các xã đã chọn", Texts(tables[0])[2][1]);
        Assert.Equal(["Xã Đông Hòa", "", "Lũy kế", "22", "15"], Texts(tables[1])[2].AsEnumerable());
        Assert.Equal(["Xã Đông Hòa", "Các xã đã chọn"], Texts(tables[2])[1..].Select(row => row[1]).Distinct());
        Assert.Single(tables[3].Rows);
        Assert.Equal("r4", Assert.Single(tables[4].Rows)[0].Text);
    }
}
