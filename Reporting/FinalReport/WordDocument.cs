using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Reporting.FinalReport;

/// <summary>
/// A Word document written top to bottom in the layout of a Vietnamese administrative report:
/// A4, Times New Roman 13 pt, 3 cm left margin, page numbers at the foot. Elements are appended in
/// the order the Open XML schema requires, so that Word opens the file without repairing it.
/// </summary>
internal sealed class WordDocument : IDisposable
{
    private const string Font = "Times New Roman";
    private const long EmuPerCm = 360_000;

    private readonly MemoryStream stream = new();
    private readonly WordprocessingDocument document;
    private readonly MainDocumentPart main;
    private readonly Body body = new();
    private uint nextDrawingId = 1;

    public WordDocument(string title, string author)
    {
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = title;
        document.PackageProperties.Creator = author;
        document.PackageProperties.Language = "vi-VN";
        main = document.AddMainDocumentPart();
        main.Document = new Document(body);
        AddStyles();
    }

    public enum Align
    {
        Left,
        Center,
        Right,
        Both,
    }

    /// <summary>A paragraph of one run; line breaks in <paramref name="text"/> become breaks within it.</summary>
    public void Text(string text, Align align = Align.Both, bool bold = false, bool italic = false, int? sizePt = null, bool keepWithNext = false) =>
        body.Append(Paragraph(text, align, bold, italic, sizePt, keepWithNext));

    public void Heading(string text, int level) =>
        body.Append(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? "Heading1" : "Heading2" }),
            Run(text, bold: false, italic: false, sizePt: null)));

    /// <summary>An indented line starting with a dash, as bullet points are written in such reports.</summary>
    public void Bullet(string text) =>
        body.Append(new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { After = "60" },
                new Indentation { Left = "567", Hanging = "283" },
                new Justification { Val = JustificationValues.Both }),
            Run("–\t" + text, bold: false, italic: false, sizePt: null)));

    /// <summary>
    /// The heading block: the issuing body on the left, the national motto on the right, side by
    /// side without borders.
    /// </summary>
    public void LetterHead(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Nil },
                    new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = BorderValues.Nil },
                    new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = BorderValues.Nil },
                    new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "3800" }, new GridColumn { Width = "5300" }),
            new TableRow(HeadCell(left, 3800), HeadCell(right, 5300)));
        body.Append(table);
    }

    /// <summary>
    /// A bordered table whose header row repeats on every page. The first <paramref name="textColumns"/>
    /// columns are left-aligned text, the rest centred figures; <paramref name="boldLastRow"/> marks a
    /// totals row. <paramref name="widths"/> are relative column widths.
    /// </summary>
    public void Table(
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<int> widths,
        int textColumns = 1,
        bool boldLastRow = false)
    {
        const int usable = 9071; // A4 width less the margins, in twentieths of a point
        var twips = widths.Select(w => usable * w / widths.Sum()).ToList();
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
        };
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = twips.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new TableBorders(border()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        header.Append(headers.Select((h, i) => Cell(h, twips[i], Align.Center, bold: true, shaded: true)));
        table.Append(header);
        var all = rows.ToList();
        for (var r = 0; r < all.Count; r++)
        {
            var bold = boldLastRow && r == all.Count - 1;
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            row.Append(all[r].Select((text, i) => Cell(text, twips[i], i < textColumns ? Align.Left : Align.Center, bold, shaded: false)));
            table.Append(row);
        }

        body.Append(table);
        // Word joins two tables that touch; a small paragraph keeps them apart and gives air.
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "60" })));
    }

    /// <summary>
    /// A picture (JPEG, or PNG when <paramref name="png"/>) in its own centred paragraph, at most
    /// <paramref name="maxWidthCm"/> by <paramref name="maxHeightCm"/>.
    /// </summary>
    public void Picture(byte[] image, int widthPx, int heightPx, string name, double maxWidthCm, double maxHeightCm, bool png = false)
    {
        var scale = Math.Min(maxWidthCm / widthPx, maxHeightCm / heightPx);
        var cx = (long)(widthPx * scale * EmuPerCm);
        var cy = (long)(heightPx * scale * EmuPerCm);
        var part = main.AddImagePart(png ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var data = new MemoryStream(image))
        {
            part.FeedData(data);
        }

        var id = nextDrawingId++;
        var drawing = new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = name },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = id, Name = name + (png ? ".png" : ".jpg") },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = main.GetIdOfPart(part) },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
        body.Append(new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(drawing)));
    }

    /// <summary>Closes the package and returns the .docx bytes.</summary>
    public byte[] Save()
    {
        AddFooterAndPage();
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private static Paragraph Paragraph(string text, Align align, bool bold, bool italic, int? sizePt, bool keepWithNext)
    {
        var properties = new ParagraphProperties();
        if (keepWithNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(new Justification { Val = Justification(align) });
        return new Paragraph(properties, Run(text, bold, italic, sizePt));
    }

    private static Run Run(string text, bool bold, bool italic, int? sizePt)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (sizePt is { } size)
        {
            properties.Append(new FontSize { Val = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            properties.Append(new FontSizeComplexScript { Val = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var run = new Run(properties);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static TableCell Cell(string text, int width, Align align, bool bold, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7ECF3" });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(
            properties,
            new Paragraph(
                new ParagraphProperties(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    new Justification { Val = Justification(align) }),
                Run(text, bold, italic: false, sizePt: 11)));
    }

    private static TableCell HeadCell(IReadOnlyList<string> lines, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        cell.Append(lines.Select((line, i) => new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0" },
                new Justification { Val = JustificationValues.Center }),
            Run(line, bold: i < 2, italic: false, sizePt: i == 0 ? 12 : 13))));
        return cell;
    }

    private static JustificationValues Justification(Align align) => align switch
    {
        Align.Left => JustificationValues.Left,
        Align.Center => JustificationValues.Center,
        Align.Right => JustificationValues.Right,
        _ => JustificationValues.Both,
    };

    private void AddStyles()
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "26" },
                    new FontSizeComplexScript { Val = "26" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle("Heading1", "heading 1", italic: false, outline: 0),
            HeadingStyle("Heading2", "heading 2", italic: true, outline: 1));
    }

    private static Style HeadingStyle(string id, string name, bool italic, int outline)
    {
        var run = new StyleRunProperties(new Bold());
        if (italic)
        {
            run.Append(new Italic());
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "240", After = "120" },
                new OutlineLevel { Val = outline }),
            run)
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private void AddFooterAndPage()
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
    }
}
