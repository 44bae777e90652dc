using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Reporting.Exports;

/// <summary>
/// Writes a workbook sheet by sheet and row by row straight into the zip, so that a sheet of a
/// million responses is never held in memory, neither as rows nor as a document. Strings are
/// written inline (no shared-string table to gather first). The look is the one the board knows:
/// a frozen header row in white on blue, thin borders, columns sized to their contents (from the
/// headers and the first rows), dates and percentages as numbers with their formats.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    /// <summary>Rows read before a sheet's column widths are fixed: the widths come before the rows in the file.</summary>
    private const int RowsSizingColumns = 100;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Cell styles, by their index in styles.xml.
    private const string HeaderStyle = "1";
    private const string BodyStyle = "2";
    private const string DateStyle = "3";
    private const string DateTimeStyle = "4";
    private const string PercentStyle = "5";

    private static readonly SearchValues<char> SheetNameForbidden = SearchValues.Create(":\\/?*[]");

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    private readonly ZipArchive zip;
    private readonly SortedDictionary<int, string> names = [];

    public XlsxWorkbook(Stream output) => zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>Writes the sheet after the others; <see cref="Sheet.Rows"/> is read once, as the sheet is written.</summary>
    public void Add(Sheet sheet) => Add(sheet, names.Count == 0 ? 1 : names.Keys.Max() + 1);

    /// <summary>
    /// Writes a sheet now that the workbook shows at <paramref name="position"/> (1 first), so a sheet
    /// made from what another sheet read can be written after it and still come before it.
    /// </summary>
    public void Add(Sheet sheet, int position)
    {
        if (sheet.Name.Length is 0 or > 31 || sheet.Name.AsSpan().IndexOfAny(SheetNameForbidden) >= 0)
            throw new ArgumentException($"'{sheet.Name}' is not a sheet name Excel accepts.", nameof(sheet));
        if (names.Values.Contains(sheet.Name, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Two sheets are named '{sheet.Name}'.", nameof(sheet));
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        if (!names.TryAdd(position, sheet.Name))
            throw new ArgumentException($"Two sheets are placed at {position}.", nameof(position));

        using var rows = sheet.Rows.GetEnumerator();
        var first = new List<IReadOnlyList<Cell>>();
        while (first.Count < RowsSizingColumns && rows.MoveNext())
            first.Add(Checked(rows.Current, sheet.Headers.Count));

        using var xml = Part($"xl/worksheets/sheet{position}.xml");
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane");
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        WriteWidths(xml, sheet.Headers, first);
        xml.WriteStartElement("sheetData");
        var index = 1;
        WriteRow(xml, index, sheet.Headers.Select(h => (Cell)h), HeaderStyle);
        foreach (var row in first)
            WriteRow(xml, ++index, row, BodyStyle);
        while (rows.MoveNext())
            WriteRow(xml, ++index, Checked(rows.Current, sheet.Headers.Count), BodyStyle);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Writes what lists the sheets (in the order of their positions) and closes the zip.</summary>
    public void Dispose()
    {
        WriteContentTypes();
        WriteRelationships("_rels/.rels", [("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]);
        WriteRelationships("xl/_rels/workbook.xml.rels",
        [
            .. names.Keys.Select(at => ($"rId{at}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{at}.xml")),
            ("rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
        ]);
        using (var xml = Part("xl/workbook.xml"))
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets");
            foreach (var (at, name) in names)
            {
                xml.WriteStartElement("sheet");
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("sheetId", Number(at));
                xml.WriteAttributeString("id", Relationships, $"rId{at}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        using (var styles = new StreamWriter(zip.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open(), XmlSettings.Encoding))
            styles.Write(Styles);
        zip.Dispose();
    }

    private static IReadOnlyList<Cell> Checked(IReadOnlyList<Cell> row, int headers) =>
        row.Count == headers ? row : throw new ArgumentException($"A row has {row.Count} cells for {headers} headers.", nameof(row));

    private XmlWriter Part(string path)
    {
        var xml = XmlWriter.Create(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), XmlSettings);
        xml.WriteStartDocument(standalone: true);
        return xml;
    }

    /// <summary>
    /// Each column as wide as its longest text among the first rows, or its header's first words
    /// (a long QCDC header wraps into the width of its figures rather than making the column huge).
    /// </summary>
    private static void WriteWidths(XmlWriter xml, IReadOnlyList<string> headers, List<IReadOnlyList<Cell>> rows)
    {
        if (headers.Count == 0)
            return;
        xml.WriteStartElement("cols");
        for (var column = 0; column < headers.Count; column++)
        {
            var longest = rows.Select(r => Shown(r[column]).Length).Append(Math.Min(headers[column].Length, 24)).Max();
            xml.WriteStartElement("col");
            xml.WriteAttributeString("min", Number(column + 1));
            xml.WriteAttributeString("max", Number(column + 1));
            xml.WriteAttributeString("width", Math.Clamp(longest * 1.1 + 2, 9.14, 100).ToString("0.##", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>About as many characters as Excel shows for the cell.</summary>
    private static string Shown(Cell cell) => cell.Format switch
    {
        CellFormat.Percent => "100.0%",
        _ => cell.Text ?? cell.ToString(),
    };

    private static void WriteRow(XmlWriter xml, int index, IEnumerable<Cell> cells, string textStyle)
    {
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", Number(index));
        var column = 0;
        foreach (var cell in cells)
        {
            WriteCell(xml, Reference(column++, index), cell, textStyle);
        }
        xml.WriteEndElement();
    }

    /// <summary>An empty cell is left out, as Excel leaves it; a number is a number, text is inline text.</summary>
    private static void WriteCell(XmlWriter xml, string reference, Cell cell, string textStyle)
    {
        var (value, style) = cell.Format switch
        {
            CellFormat.Percent => (Number(cell.Number!.Value / 100m), PercentStyle),
            CellFormat.Date => (Number(cell.Date!.Value.ToOADate()), DateStyle),
            CellFormat.DateTime => (Number(cell.Date!.Value.ToOADate()), DateTimeStyle),
            _ => (cell.Number is { } number ? Number(number) : null, textStyle),
        };
        if (value is null && string.IsNullOrEmpty(cell.Text))
            return;
        xml.WriteStartElement("c");
        xml.WriteAttributeString("r", reference);
        xml.WriteAttributeString("s", style);
        if (value is not null)
        {
            xml.WriteElementString("v", value);
        }
        else
        {
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is");
            xml.WriteStartElement("t");
            var text = XmlText(cell.Text!);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>A control character a citizen's text may carry cannot be written in XML: it is dropped.</summary>
    private static string XmlText(string text) =>
        text.All(Writable) ? text : string.Concat(text.Where(Writable));

    private static bool Writable(char c) => char.IsSurrogate(c) || XmlConvert.IsXmlChar(c);

    private static string Reference(int column, int row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters + Number(row);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void WriteContentTypes()
    {
        using var xml = Part("[Content_Types].xml");
        xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
        foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        var parts = names.Keys.Select(at => ($"/xl/worksheets/sheet{at}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
            .Append(("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
            .Append(("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
        foreach (var (part, type) in parts)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void WriteRelationships(string path, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        using var xml = Part(path);
        xml.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship");
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Calibri 11; 1 the header (white on blue), 2 a bordered cell, 3–5 the same as a date, a date and time, a percentage.</summary>
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm:ss"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>
        <fonts count="2"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font><font><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF4472C4"/></patternFill></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="6">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
        <xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
        <xf numFmtId="166" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;
}
