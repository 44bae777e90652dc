using System.Buffers;
using System.Data;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Reporting.Exports;

/// <summary>Writes export tables as the files the board downloads.</summary>
public static class ExportFiles
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    private static readonly SearchValues<char> SheetNameForbidden = SearchValues.Create(":\\/?*[]");

    /// <summary>
    /// RFC 4180 CSV with CRLF line ends, in UTF-8 with a byte-order mark: without the mark Excel
    /// reads the file in the machine's code page and Vietnamese comes out garbled.
    /// </summary>
    public static byte[] ToCsv(Table table)
    {
        var csv = new StringBuilder();
        AppendRecord(csv, table.Headers.Select(h => (Cell)h));
        foreach (var row in table.Rows)
        {
            AppendRecord(csv, row);
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// The same CSV written row by row to <paramref name="output"/> as <paramref name="rows"/> are
    /// read, so a file of a million responses never sits in memory whole.
    /// </summary>
    public static async Task WriteCsvAsync(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true);
        var line = new StringBuilder();
        AppendRecord(line, headers.Select(h => (Cell)h));
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} headers.", nameof(rows));
            }

            AppendRecord(line, row);
            if (line.Length >= 1 << 15)
            {
                await writer.WriteAsync(line, ct);
                line.Clear();
            }
        }

        await writer.WriteAsync(line, ct);
    }

    /// <summary>One workbook, one sheet per table, in the given order; numbers stay numeric.</summary>
    public static byte[] ToXlsx(IEnumerable<Table> tables)
    {
        var sheets = new Dictionary<string, object>();
        var formats = new List<(int Sheet, int Column, string Code)>();
        foreach (var table in tables)
        {
            if (table.Name.Length is 0 or > 31 || table.Name.AsSpan().IndexOfAny(SheetNameForbidden) >= 0)
            {
                throw new ArgumentException($"'{table.Name}' is not a sheet name Excel accepts.", nameof(tables));
            }

            if (!sheets.TryAdd(table.Name, ToDataTable(table, sheets.Count)))
            {
                throw new ArgumentException($"Two sheets are named '{table.Name}'.", nameof(tables));
            }

            formats.AddRange(ColumnFormats(table, sheets.Count - 1));
        }

        using var xlsx = new MemoryStream();
        // Columns sized to their contents, so the long QCDC labels are readable on opening;
        // MiniExcel sizes them only in fast mode, which buffers each sheet (ours are small).
        xlsx.SaveAs(sheets, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        XlsxNumberFormats.Apply(xlsx, formats);
        return xlsx.ToArray();
    }

    private static void AppendRecord(StringBuilder csv, IEnumerable<Cell> cells)
    {
        csv.AppendJoin(',', cells.Select(Field)).Append("\r\n");
    }

    private static string Field(Cell cell)
    {
        var text = cell.Number is null ? DefuseFormula(cell.ToString()) : cell.ToString();
        return text.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    /// <summary>
    /// Excel runs a CSV field that starts with = + - @ as a formula, and citizens type free text:
    /// a leading apostrophe keeps it text (and keeps "- ý kiến" from showing as #NAME?).
    /// </summary>
    private static string DefuseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>
    /// A DataTable rather than dictionaries: it fixes the column order and still writes the header
    /// row of a table with no rows.
    /// </summary>
    private static DataTable ToDataTable(Table table, int sheet)
    {
        var data = new DataTable(table.Name);
        for (var column = 0; column < table.Headers.Count; column++)
        {
            // MiniExcel heads a column with its caption; column names only need to be unique.
            data.Columns.Add(new DataColumn(ColumnName(sheet, column), typeof(object)) { Caption = table.Headers[column] });
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add([.. row.Select(XlsxValue)]);
        }

        return data;
    }

    private static object XlsxValue(Cell cell) => cell.Format switch
    {
        CellFormat.Percent => cell.Number!.Value / 100m,
        CellFormat.Date or CellFormat.DateTime => cell.Date!.Value,
        _ => (object?)cell.Number ?? cell.Text ?? (object)DBNull.Value,
    };

    /// <summary>
    /// Each column's number format, from the kind of cells it holds; a column of plain values keeps
    /// Excel's. MiniExcel does not format a DataTable's columns, so the formats are set afterwards.
    /// </summary>
    private static IEnumerable<(int Sheet, int Column, string Code)> ColumnFormats(Table table, int sheet)
    {
        for (var column = 0; column < table.Headers.Count; column++)
        {
            var format = table.Rows.Select(r => r[column].Format).FirstOrDefault(f => f != CellFormat.General);
            var excel = format switch
            {
                CellFormat.Date => "dd/mm/yyyy",
                CellFormat.DateTime => "dd/mm/yyyy hh:mm:ss",
                CellFormat.Percent => "0.0%",
                _ => null,
            };
            if (excel is not null)
            {
                yield return (sheet, column, excel);
            }
        }
    }

    private static string ColumnName(int sheet, int column) => $"s{sheet}c{column}";
}
