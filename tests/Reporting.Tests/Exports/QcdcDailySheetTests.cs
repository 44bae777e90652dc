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
            "Tên xã, phường, thị trấn",
            "Họ tên, chức vụ, đơn vị cán bộ, đoàn viên được phân công",
            "Ngày báo cáo",
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
            ["Xã Tân Lập", TanLapDuty12, "12/06/2024", "40", "30"],
            ["Xã Tân Lập", "", "13/06/2024", "", "25"],
            ["Xã Tân Lập", TanLapDuty14, "14/06/2024", "35", "20"],
            ["Xã Tân Lập", "", "Lũy kế", "75", "75"],
            ["Xã Đông Hòa", DongHoaDuty, "12/06/2024", "18", "12"],
            ["Xã Đông Hòa", DongHoaDuty, "13/06/2024", "22", "15"],
            ["Xã Đông Hòa", "", "Lũy kế", "40", "27"],
            ["Thị trấn Phú Mỹ", "Phạm Văn Dũng, hội viên, Hội Cựu chiến binh thị trấn Phú Mỹ", "12/06/2024", "60", "41"],
            ["Thị trấn Phú Mỹ", "", "Lũy kế", "60", "41"],
            ["Toàn huyện", "", "Tổng cộng", "175", "143"]);
    }

    [Fact]
    public void Unreported_visitors_are_blank_not_zero_and_a_total_of_only_unreported_days_is_blank()
    {
        var table = QcdcDailySheet.Build(Communes, Days, new ExportFilter(June13, June13, ["X01"]));

        Assert.Equal(Cell.Empty, table.Rows[0][3]);
        AssertRows(
            table,
            ["Xã Tân Lập", "", "13/06/2024", "", "25"],
            ["Xã Tân Lập", "", "Lũy kế", "", "25"],
            ["Các xã đã chọn", "", "Tổng cộng", "", "25"]);
    }

    [Fact]
    public void Commune_filter_keeps_only_the_chosen_communes_and_labels_the_total_as_a_selection()
    {
        var table = QcdcDailySheet.Build(Communes, Days, SurveyDays with { Communes = ["X02"] });

        AssertRows(
            table,
            ["Xã Đông Hòa", DongHoaDuty, "12/06/2024", "18", "12"],
            ["Xã Đông Hòa", DongHoaDuty, "13/06/2024", "22", "15"],
            ["Xã Đông Hòa", "", "Lũy kế", "40", "27"],
            ["Các xã đã chọn", "", "Tổng cộng", "40", "27"]);
    }

    [Fact]
    public void Date_filter_keeps_only_days_in_range_and_totals_only_those_days()
    {
        var table = QcdcDailySheet.Build(Communes, Days, new ExportFilter(June13, June14));

        AssertRows(
            table,
            ["Xã Tân Lập", "", "13/06/2024", "", "25"],
            ["Xã Tân Lập", TanLapDuty14, "14/06/2024", "35", "20"],
            ["Xã Tân Lập", "", "Lũy kế", "35", "45"],
            ["Xã Đông Hòa", DongHoaDuty, "13/06/2024", "22", "15"],
            ["Xã Đông Hòa", "", "Lũy kế", "22", "15"],
            ["Toàn huyện", "", "Tổng cộng", "57", "60"]);
    }

    [Fact]
    public void A_commune_missing_from_the_survey_file_keeps_its_rows_named_by_code_after_the_known_ones()
    {
        var days = Days.Append(new CommuneDay("X99", June12, 5, 4, 0, [])).ToList();

        var table = QcdcDailySheet.Build(Communes, days, SurveyDays);

        Assert.Equal(["X99", "", "Lũy kế", "5", "4"], Texts(table)[^2].AsEnumerable());
    }

    [Fact]
    public void A_range_without_reports_still_has_its_total_row_of_zero_respondents()
    {
        var table = QcdcDailySheet.Build(Communes, Days, new ExportFilter(new(2024, 7, 1), new(2024, 7, 3)));

        AssertRows(table, ["Toàn huyện", "", "Tổng cộng", "", "0"]);
    }

    [Fact]
    public void Totals_are_numbers_so_the_spreadsheet_can_add_them_up()
    {
        var table = QcdcDailySheet.Build(Communes, Days, SurveyDays);

        Assert.Equal(175m, table.Rows[^1][3].Number);
        Assert.Equal(143m, table.Rows[^1][4].Number);
    }
}
