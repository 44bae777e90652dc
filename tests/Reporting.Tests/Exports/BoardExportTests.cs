using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class BoardExportTests
{
    [Fact]
    public void The_full_export_is_the_QCDC_sheet_tallies_comments_and_responses_in_that_order()
    {
        var tables = BoardExport.Tables(Data, SurveyDays);

        Assert.Equal(["QCDC PKS02", "Thống kê", "Ý kiến", "Phiếu"], tables.Select(t => t.Name));
    }

    [Fact]
    public void Every_sheet_applies_the_same_filter()
    {
        var tables = BoardExport.Tables(Data, new ExportFilter(June13, June13, ["X02"]));

        Assert.Equal(["Lũy kế", "Xã Đông Hòa", "", "22", "15"], Texts(tables[0])[2].AsEnumerable());
        Assert.Equal(["Xã Đông Hòa", "Các xã đã chọn"], Texts(tables[1])[1..].Select(row => row[1]).Distinct());
        Assert.Single(tables[2].Rows);
        Assert.Equal("r4", Assert.Single(tables[3].Rows)[0].Text);
    }
}
