using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using Reporting.Exports;
using Cell = Reporting.Exports.Cell;
using CellFormat = DocumentFormat.OpenXml.Spreadsheet.CellFormat;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;
using Table = Reporting.Exports.Table;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class XlsxExportTests
{
    private static List<object?[]> Sheet(byte[] xlsx, string name)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: name)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.ToArray())
            .ToList();
    }

    private static object?[] Expected(IReadOnlyList<Cell> row) =>
        [.. row.Select(cell => cell.Format switch
        {
            Reporting.Exports.CellFormat.Percent => (object)(double)(cell.Number!.Value / 100m),
            Reporting.Exports.CellFormat.Date or Reporting.Exports.CellFormat.DateTime => cell.Date,
            _ => cell.Number is { } number ? (object)(double)number : cell.Text is "" ? null : cell.Text,
        })];

    /// <summary>The number format Excel shows a sheet's cell in (e.g. "B2"), and whether the cell holds a number.</summary>
    private static (string? Format, bool Numeric) FormatOf(byte[] xlsx, string sheet, string reference)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = doc.WorkbookPart!;
        var id = book.Workbook!.Descendants<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var cell = ((WorksheetPart)book.GetPartById(id)).Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == reference);
        var styles = book.WorkbookStylesPart!.Stylesheet!;
        var numberFormat = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0)).NumberFormatId?.Value ?? 0;
        var format = styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == numberFormat)?.FormatCode?.Value;
        return (format, cell.DataType is null || cell.DataType.Value == CellValues.Number);
    }

    [Fact]
    public void Dates_are_Excel_dates_and_percentages_numbers_shown_as_percentages()
    {
        var xlsx = ExportFiles.ToXlsx(BoardExport.Tables(Data, SurveyDays));

        Assert.Equal(("dd/mm/yyyy", true), FormatOf(xlsx, "QCDC PKS02", "C2"));
        Assert.Equal(("0.0%", true), FormatOf(xlsx, "Tổng hợp", "E2"));
        Assert.Equal(("0.0%", true), FormatOf(xlsx, "Thống kê", "G2"));
        Assert.Equal(("dd/mm/yyyy", true), FormatOf(xlsx, "Ý kiến", "C2"));
        Assert.Equal(("dd/mm/yyyy hh:mm:ss", true), FormatOf(xlsx, "Phiếu", "D2"));
    }

    [Fact]
    public void Holds_one_sheet_per_table_in_order()
    {
        var xlsx = ExportFiles.ToXlsx(BoardExport.Tables(Data, SurveyDays));

        using var stream = new MemoryStream(xlsx);
        Assert.Equal(["Tổng hợp", "QCDC PKS02", "Thống kê", "Ý kiến", "Phiếu"], stream.GetSheetNames());
    }

    [Fact]
    public void Every_cell_reads_back_as_written_numbers_as_numbers()
    {
        var tables = BoardExport.Tables(Data, SurveyDays);

        var xlsx = ExportFiles.ToXlsx(tables);

        foreach (var table in tables)
        {
            var rows = Sheet(xlsx, table.Name);
            Assert.Equal([.. table.Headers], rows[0]);
            Assert.Equal(table.Rows.Select(Expected), rows[1..]);
        }
    }

    [Fact]
    public void The_QCDC_sheet_keeps_its_labels_and_cumulative_figures()
    {
        var xlsx = ExportFiles.ToXlsx([QcdcDailySheet.Build(Communes, Days, SurveyDays)]);

        var rows = Sheet(xlsx, "QCDC PKS02");
        Assert.Equal("Số người, tổ chức tham gia đánh giá khảo sát (trong ngày)", rows[0][4]);
        Assert.Equal(["Xã Tân Lập", null, "Lũy kế", 75d, 75d], rows[4]);
        Assert.Equal(["Xã Tân Lập", null, new DateTime(2024, 6, 13), null, 25d], rows[2]);
        Assert.Equal(["Toàn huyện", null, "Tổng cộng", 175d, 143d], rows[^1]);
    }

    [Fact]
    public void The_summary_sheet_holds_each_communes_figures_as_numbers()
    {
        var xlsx = ExportFiles.ToXlsx(BoardExport.Tables(Data, SurveyDays));

        var rows = Sheet(xlsx, "Tổng hợp");
        Assert.Equal("Hài lòng, rất hài lòng (%)", rows[0][9]);
        Assert.Equal(["X01", "Xã Tân Lập", 75d, 50d, 0.667d, "Đạt", 75d, 4d, 0d, null, null, 1d, 0d], rows[1]);
        Assert.Equal([null, "Toàn huyện", 175d, 118d, 0.674d, "Đạt 3/3 xã", 143d, 12d, 0d, null, null, 1d, 0d], rows[^1]);
    }

    [Fact]
    public void A_sheet_without_rows_still_has_its_headers()
    {
        var xlsx = ExportFiles.ToXlsx([FreeTextAnswers.Build(Communes, Questions, [], SurveyDays)]);

        var header = Assert.Single(Sheet(xlsx, "Ý kiến"));
        Assert.Equal(["Mã xã", "Tên xã, phường, thị trấn", "Ngày gửi", "Mã câu hỏi", "Câu hỏi", "Ý kiến, kiến nghị"], header);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text()
    {
        var xlsx = ExportFiles.ToXlsx([new Table("t", ["Ý kiến"], [["=1+1"]])]);

        Assert.Equal("=1+1", Sheet(xlsx, "t")[1][0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Thống kê theo xã/phường")]
    [InlineData("Tên sheet dài hơn ba mươi mốt ký tự")]
    public void A_sheet_name_Excel_would_refuse_is_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => ExportFiles.ToXlsx([new Table(name, ["a"], [])]));
    }

    [Fact]
    public void Two_sheets_with_one_name_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ExportFiles.ToXlsx([new Table("t", ["a"], []), new Table("t", ["b"], [])]));
    }
}
