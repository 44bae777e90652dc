using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;
using Reporting.Exports;
using Cell = Reporting.Exports.Cell;
using CellFormat = DocumentFormat.OpenXml.Spreadsheet.CellFormat;
using ExportSheet = Reporting.Exports.Sheet;
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

    [Fact]
    public void The_workbook_is_a_valid_spreadsheet_package()
    {
        var xlsx = ExportFiles.ToXlsx(BoardExport.Tables(Data, SurveyDays));

        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Equal(["Tổng hợp", "QCDC PKS02", "Thống kê", "Ý kiến", "Phiếu"], doc.WorkbookPart!.Workbook!.Descendants<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void The_full_workbook_reads_the_responses_once_and_holds_the_same_sheets_in_the_same_order()
    {
        var expected = ExportFiles.ToXlsx(BoardExport.Tables(Data, SurveyDays));
        var responses = new ReadOnce<ResponseRecord>(Responses);
        var output = new MemoryStream();

        BoardExport.WriteWorkbook(Data with { Responses = responses }, SurveyDays, output);

        Assert.Equal(Responses.Count, responses.Read);
        using var written = new MemoryStream(output.ToArray());
        Assert.Equal(["Tổng hợp", "QCDC PKS02", "Thống kê", "Ý kiến", "Phiếu"], written.GetSheetNames());
        foreach (var name in written.GetSheetNames())
            Assert.Equal(Sheet(expected, name), Sheet(output.ToArray(), name));
        Assert.Equal(("dd/mm/yyyy", true), FormatOf(output.ToArray(), "Ý kiến", "C2"));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public void The_rows_of_a_sheet_are_read_once_and_written_as_they_are_read()
    {
        const int count = 20_000;
        var output = new MemoryStream();
        var writtenWhenLastRead = 0L;
        var rows = new ReadOnce<IReadOnlyList<Cell>>(
            Enumerable.Range(1, count).Select(i => (IReadOnlyList<Cell>)[$"r{i * 7919 % 100_003}", i, Cell.LocalTime(new DateTime(2024, 6, 12).AddSeconds(i * 37))]),
            read => writtenWhenLastRead = read == count ? output.Length : writtenWhenLastRead);

        ExportFiles.WriteXlsx([new ExportSheet("Phiếu", ["Mã phiếu", "Số", "Thời điểm gửi"], rows)], output);

        Assert.Equal(count, rows.Read);
        // Most of the file was out before the last row was made: nothing held the rows to write them at the end.
        Assert.True(writtenWhenLastRead > output.Length / 2, $"{writtenWhenLastRead} of {output.Length} bytes were written before the last row was read.");
        var sheet = Sheet(output.ToArray(), "Phiếu");
        Assert.Equal(1 + count, sheet.Count);
        Assert.Equal(["r7919", 1d, new DateTime(2024, 6, 12, 0, 0, 37)], sheet[1]);
        Assert.Equal(("dd/mm/yyyy hh:mm:ss", true), FormatOf(output.ToArray(), "Phiếu", $"C{count + 1}"));
    }

    [Fact]
    public void A_control_character_in_a_citizens_text_is_dropped_and_the_rest_kept()
    {
        var xlsx = ExportFiles.ToXlsx([new Table("t", ["Ý kiến"], [["Cần\u0001 thêm ghế 👍"], ["  khoảng trắng  "]])]);

        Assert.Equal("Cần thêm ghế 👍", Sheet(xlsx, "t")[1][0]);
        Assert.Equal("  khoảng trắng  ", Sheet(xlsx, "t")[2][0]);
    }

    [Fact]
    public void A_row_with_more_cells_than_headers_stops_the_workbook()
    {
        Assert.Throws<ArgumentException>(() => ExportFiles.ToXlsx([new ExportSheet("t", ["a"], [["1", "2"]])]));
    }
}
