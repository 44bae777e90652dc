using System.Globalization;
using System.Text;
using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class CsvExportTests
{
    [Fact]
    public void Starts_with_the_UTF8_byte_order_mark_so_Excel_reads_Vietnamese()
    {
        var csv = ExportFiles.ToCsv(QcdcDailySheet.Build(Communes, Days, SurveyDays));

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
    }

    [Fact]
    public void Every_sheet_of_the_board_export_round_trips_cell_for_cell()
    {
        foreach (var table in BoardExport.Tables(Data, SurveyDays))
        {
            Assert.Equal(Texts(table), CsvReader.Records(ExportFiles.ToCsv(table)));
        }
    }

    [Fact]
    public void Quotes_fields_with_commas_quotes_or_line_breaks_and_ends_every_record_with_CRLF()
    {
        var table = new Table("t", ["Mã", "Ý kiến"],
        [
            ["a,b", "nói \"rất\" hay"],
            ["dòng 1\ndòng 2", "dòng 1\r\ndòng 2"],
            ["Xã Đông Hòa", "trơn"],
        ]);

        var text = Encoding.UTF8.GetString(ExportFiles.ToCsv(table)[3..]);

        Assert.Equal(
            "Mã,Ý kiến\r\n" +
            "\"a,b\",\"nói \"\"rất\"\" hay\"\r\n" +
            "\"dòng 1\ndòng 2\",\"dòng 1\r\ndòng 2\"\r\n" +
            "Xã Đông Hòa,trơn\r\n",
            text);
    }

    [Fact]
    public void Text_that_Excel_would_run_as_a_formula_is_kept_as_text_but_numbers_are_not_touched()
    {
        var table = new Table("t", ["Ý kiến", "Số"], [["=HYPERLINK(\"http://x\")", -5], ["- Cần thêm ghế", 3], ["@cmd", 0]]);

        var records = CsvReader.Records(ExportFiles.ToCsv(table));

        Assert.Equal(["'=HYPERLINK(\"http://x\")", "-5"], records[1]);
        Assert.Equal(["'- Cần thêm ghế", "3"], records[2]);
        Assert.Equal(["'@cmd", "0"], records[3]);
    }

    [Fact]
    public void Numbers_use_a_decimal_point_whatever_the_machine_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
        try
        {
            var csv = ExportFiles.ToCsv(AnswerTallies.Build(Communes, Questions, Responses, SurveyDays));

            Assert.Contains(["X01", "Xã Tân Lập", "sex", "Giới tính của ông/bà?", "Nam", "2", "66.7", "3"], CsvReader.Records(csv));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void An_empty_table_is_its_header_line()
    {
        var csv = ExportFiles.ToCsv(FreeTextAnswers.Build(Communes, Questions, [], SurveyDays));

        Assert.Equal(
            [["Mã xã", "Tên xã, phường, thị trấn", "Ngày gửi", "Mã câu hỏi", "Câu hỏi", "Ý kiến, kiến nghị"]],
            CsvReader.Records(csv));
    }
}
