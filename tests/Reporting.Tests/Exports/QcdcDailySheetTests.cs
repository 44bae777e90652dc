using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class QcdcDailySheetTests
{
    private const string TanLapDuty12 =
        "Nguyễn Văn An, chi hội trưởng, Hội Cựu chiến binh xã Tân Lập; Trần Thị Bình, hội viên, Hội Cựu chiến binh xã Tân Lập";

    private const string TanLapDuty14 = "Nguyễn Văn An, chi hội trưởng, Hội Cựu chiến binh xã Tân Lập";

    private const string DongHoaDuty = "Lê Văn Cường, hội viên, Hội Cựu chiến binh xã Đông Hòa";

    [Fact]
    public void Headers_are_QCDC_labels_word_for_word_in_QCDC_order()
    {
        var table = QcdcDailySheet.Build(Communes, Days, SurveyDays);

        string[] qcdcLabels =
        [
            "Ngày báo cáo",
            "Tên xã, phường, thị trấn",
            "Họ tên, chức vụ, đơn vị cán bộ, đoàn viên được phân công",
            "Số lượt người dân, tổ chức làm thủ tục tại bộ phận một cửa (trong ngày)",
            "Số người, tổ chức tham gia đánh giá khảo sát (trong ngày)",
        ];
        Assert.Equal(qcdcLabels, table.Headers);
    }

    [Fact]
    public void Rows_run_by_commune_then_day_each_commune_closed_by_its_cumulative_row_and_a_district_total_last()
    {
        var table = QcdcDailySheet.Build(Communes, Days, SurveyDays);

        AssertRows(
            table,
            ["12/06/2024", "Xã Tân Lập", TanLapDuty12, "40", "30"],
            ["13/06/2024", "Xã Tân Lập", "", "", "25"],
            ["14/06/2024", "Xã Tân Lập", TanLapDuty14, "35", "20"],
            ["Lũy kế", "Xã Tân Lập", "", "75", "75"],
            ["12/06/2024", "Xã Đông Hòa", DongHoaDuty, "18", "12"],
            ["13/06/2024", "Xã Đông Hòa", DongHoaDuty, "22", "15"],
            ["Lũy kế", "Xã Đông Hòa", "", "40", "27"],
            ["12/06/2024", "Thị trấn Phú Mỹ", "Phạm Văn Dũng, hội viên, Hội Cựu chiến binh thị trấn Phú Mỹ", "60", "41"],
            ["Lũy kế", "Thị trấn Phú Mỹ", "", "60", "41"],
            ["Tổng cộng", "Toàn huyện", "", "175", "143"]);
    }

    [Fact]
    public void Unreported_visitors_are_blank_not_zero_and_a_total_of_only_unreported_days_is_blank()
    {
        var table = QcdcDailySheet.Build(Communes, Days, new ExportFilter(June13, June13, ["X01"]));

        Assert.Equal(Cell.Empty, table.Rows[0][3]);
        AssertRows(
            table,
            ["13/06/2024", "Xã Tân Lập", "", "", "25"],
            ["Lũy kế", "Xã Tân Lập", "", "", "25"],
            ["Tổng cộng", "Các xã đã chọn", "", "", "25"]);
    }

    [Fact]
    public void Commune_filter_keeps_only_the_chosen_communes_and_labels_the_total_as_a_selection()
    {
        var table = QcdcDailySheet.Build(Communes, Days, SurveyDays with { Communes = ["X02"] });

        AssertRows(
            table,
            ["12/06/2024", "Xã Đông Hòa", DongHoaDuty, "18", "12"],
            ["13/06/2024", "Xã Đông Hòa", DongHoaDuty, "22", "15"],
            ["Lũy kế", "Xã Đông Hòa", "", "40", "27"],
            ["Tổng cộng", "Các xã đã chọn", "", "40", "27"]);
    }

    [Fact]
    public void Date_filter_keeps_only_days_in_range_and_totals_only_those_days()
    {
        var table = QcdcDailySheet.Build(Communes, Days, new ExportFilter(June13, June14));

        AssertRows(
            table,
            ["13/06/2024", "Xã Tân Lập", "", "", "25"],
            ["14/06/2024", "Xã Tân Lập", TanLapDuty14, "35", "20"],
            ["Lũy kế", "Xã Tân Lập", "", "35", "45"],
            ["13/06/2024", "Xã Đông Hòa", DongHoaDuty, "22", "15"],
            ["Lũy kế", "Xã Đông Hòa", "", "22", "15"],
            ["Tổng cộng", "Toàn huyện", "", "57", "60"]);
    }

    [Fact]
    public void A_commune_missing_from_the_survey_file_keeps_its_rows_named_by_code_after_the_known_ones()
    {
        var days = Days.Append(new CommuneDay("X99", June12, 5, 4, 0, [])).ToList();

        var table = QcdcDailySheet.Build(Communes, days, SurveyDays);

        Assert.Equal(["Lũy kế", "X99", "", "5", "4"], Texts(table)[^2].AsEnumerable());
    }

    [Fact]
    public void A_range_without_reports_still_has_its_total_row_of_zero_respondents()
    {
        var table = QcdcDailySheet.Build(Communes, Days, new ExportFilter(new(2024, 7, 1), new(2024, 7, 3)));

        AssertRows(table, ["Tổng cộng", "Toàn huyện", "", "", "0"]);
    }

    [Fact]
    public void Totals_are_numbers_so_the_spreadsheet_can_add_them_up()
    {
        var table = QcdcDailySheet.Build(Communes, Days, SurveyDays);

        Assert.Equal(175m, table.Rows[^1][3].Number);
        Assert.Equal(143m, table.Rows[^1][4].Number);
    }
}
