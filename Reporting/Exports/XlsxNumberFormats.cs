using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reporting.Exports;

// Spreadsheet's own cell and cell format, not this namespace's Cell and CellFormat.
using SheetCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using SheetCellFormat = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

/// <summary>
/// Gives columns of a written workbook their number format ("dd/mm/yyyy", "0.0%"): the value stays a
/// number Excel sums and sorts, and shows as a date or a percentage. Text cells in those columns
/// ("Lũy kế") are left as they are.
/// </summary>
internal static class XlsxNumberFormats
{
    // Ids below 164 are Excel's built-in formats.
    private const uint FirstCustomId = 164;

    /// <param name="formats">Sheet (0-based, in workbook order), column (0-based) and format code; the header row is left alone.</param>
    public static void Apply(MemoryStream xlsx, IReadOnlyList<(int Sheet, int Column, string Code)> formats)
    {
        if (formats.Count == 0)
        {
            return;
        }

        using var doc = SpreadsheetDocument.Open(xlsx, true);
        var book = doc.WorkbookPart!;
        var stylesheet = book.WorkbookStylesPart!.Stylesheet!;
        var styles = new Styles(stylesheet);
        var sheets = book.Workbook!.Sheets!.Elements<Sheet>().ToList();
        foreach (var sheet in formats.GroupBy(f => f.Sheet))
        {
            var columns = sheet.ToDictionary(f => ColumnLetters(f.Column), f => f.Code);
            var worksheet = ((WorksheetPart)book.GetPartById(sheets[sheet.Key].Id!.Value!)).Worksheet!;
            foreach (var cell in worksheet.Descendants<Row>().Where(r => r.RowIndex?.Value > 1).SelectMany(r => r.Elements<SheetCell>()))
            {
                var letters = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                if (columns.TryGetValue(letters, out var code) && (cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.CellValue is not null)
                {
                    cell.StyleIndex = styles.With(cell.StyleIndex?.Value ?? 0, code);
                }
            }

            worksheet.Save();
        }

        stylesheet.Save();
    }

    private static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>Adds a cell style per (existing style, format) pair as needed: the border and font stay, the number format changes.</summary>
    private sealed class Styles(Stylesheet stylesheet)
    {
        private readonly Dictionary<string, uint> formatIds = [];
        private readonly Dictionary<(uint Style, string Code), uint> styleIds = [];

        public uint With(uint style, string code)
        {
            if (styleIds.TryGetValue((style, code), out var known))
            {
                return known;
            }

            var cellFormats = stylesheet.CellFormats!;
            var copy = (SheetCellFormat)cellFormats.Elements<SheetCellFormat>().ElementAt((int)style).CloneNode(true);
            copy.NumberFormatId = FormatId(code);
            copy.ApplyNumberFormat = true;
            cellFormats.Append(copy);
            cellFormats.Count = (uint)cellFormats.Elements<SheetCellFormat>().Count();
            return styleIds[(style, code)] = cellFormats.Count.Value - 1;
        }

        private uint FormatId(string code)
        {
            if (formatIds.TryGetValue(code, out var known))
            {
                return known;
            }

            if (stylesheet.NumberingFormats is null)
            {
                stylesheet.InsertAt(new NumberingFormats(), 0);
            }

            var numberFormats = stylesheet.NumberingFormats!;
            var id = Math.Max(FirstCustomId, numberFormats.Elements<NumberingFormat>().Select(f => f.NumberFormatId?.Value + 1 ?? 0).DefaultIfEmpty(0u).Max());
            numberFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            numberFormats.Count = (uint)numberFormats.Elements<NumberingFormat>().Count();
            return formatIds[code] = id;
        }
    }
}
