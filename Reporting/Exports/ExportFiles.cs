using System.Text;

namespace Reporting.Exports;

/// <summary>Writes export tables as the files the board downloads.</summary>
public static class ExportFiles
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>
    /// RFC 4180 CSV with CRLF line ends, in UTF-8 with a byte-order mark: without the mark Excel
    /// reads the file in the machine's code page and Vietnamese comes out garbled.
    /// </summary>
    public static byte[] ToCsv(Sheet table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var csv = new MemoryStream();
        // A memory stream completes every write at once: nothing here waits.
        WriteCsvAsync(table.Headers, table.Rows, csv).GetAwaiter().GetResult();
        return csv.ToArray();
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

    /// <summary>One workbook, one sheet per table in the given order, in memory: for the small sheets and tests.</summary>
    public static byte[] ToXlsx(IEnumerable<Sheet> sheets)
    {
        using var xlsx = new MemoryStream();
        WriteXlsx(sheets, xlsx);
        return xlsx.ToArray();
    }

    /// <summary>
    /// One workbook, one sheet per table in the given order, written to <paramref name="output"/>
    /// as each sheet's rows are read (once): numbers stay numeric, dates and percentages are numbers
    /// shown as such. A sheet name Excel would refuse, or used twice, is an <see cref="ArgumentException"/>.
    /// </summary>
    public static void WriteXlsx(IEnumerable<Sheet> sheets, Stream output)
    {
        using var workbook = new XlsxWorkbook(output);
        foreach (var sheet in sheets)
        {
            workbook.Add(sheet);
        }
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

}
