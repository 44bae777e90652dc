using Reporting.Quota;

namespace Reporting.Exports;

/// <summary>
/// Everything the district board exports from, as the service has stored it. <see cref="Responses"/>
/// are read as they are used, in the order they were submitted, each time anew: nothing here holds
/// them all. <see cref="Counts"/> reads the store's counters over the days the data was gathered
/// for, when a sheet first needs them; without it the figures are counted from the responses, in one pass.
/// </summary>
public sealed record SurveyData(
    IReadOnlyList<Commune> Communes,
    IReadOnlyList<QuestionInfo> Questions,
    IReadOnlyList<CommuneDay> Days,
    IEnumerable<ResponseRecord> Responses)
{
    public Lazy<ResponseCounts>? Counts { get; init; }

    /// <summary>The counts over the filter's days and communes.</summary>
    public ResponseCounts CountsFor(ExportFilter filter) => (Counts?.Value ?? ResponseCounts.Count(Responses.Where(filter.Includes))).Of(filter);
}

/// <summary>
/// The board's full export: one sheet per XLSX sheet, in the order a reader wants them. The
/// responses sheet's rows are read from <see cref="SurveyData.Responses"/> as it is written.
/// </summary>
public static class BoardExport
{
    /// <summary>The sheets' names, in the order of the full export.</summary>
    public static IReadOnlyList<string> SheetNames { get; } =
        [SummarySheet.SheetName, QcdcDailySheet.SheetName, AnswerTallies.SheetName, FreeTextAnswers.SheetName, ResponseSheet.SheetName];

    /// <summary>
    /// The summary first, then the QCDC tally, the answer tallies, the comments and the responses.
    /// Pass the configured <paramref name="quota"/>: without it the summary judges by the plan's defaults.
    /// </summary>
    public static IReadOnlyList<Sheet> Tables(SurveyData data, ExportFilter filter, QuotaOptions? quota = null) =>
        [.. SheetNames.Select(name => Build(name, data, filter, quota))];

    /// <summary>
    /// The full export as one workbook, written to <paramref name="output"/> with one read of the
    /// responses: the responses sheet is written first, as they are read, while the comments are
    /// gathered and the answers counted; the other sheets are written from those after it. The
    /// workbook still shows the sheets in the order of <see cref="SheetNames"/>.
    /// </summary>
    public static void WriteWorkbook(SurveyData data, ExportFilter filter, Stream output, QuotaOptions? quota = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var comments = new FreeTextAnswers.Gathering(data.Communes, data.Questions, filter);
        var counter = new ResponseCounter();
        var read = data.Responses.Where(filter.Includes).Select(response =>
        {
            comments.Add(response);
            counter.Add(response);
            return response;
        });
        using var workbook = new XlsxWorkbook(output);
        workbook.Add(ResponseSheet.Streamed(data.Communes, data.Questions, read, filter), 5);
        var counted = data with { Counts = new(counter.Counts) };
        workbook.Add(SummarySheet.Build(counted, filter, quota ?? new QuotaOptions()), 1);
        workbook.Add(QcdcDailySheet.Build(data.Communes, data.Days, filter), 2);
        workbook.Add(AnswerTallies.FromCounts(data.Communes, data.Questions, counted.CountsFor(filter).Tallies, filter), 3);
        workbook.Add(comments.Sheet(), 4);
    }

    /// <summary>One sheet of the full export, by its name (see <see cref="SheetNames"/>); only that sheet is read.</summary>
    public static Sheet Build(string sheetName, SurveyData data, ExportFilter filter, QuotaOptions? quota = null) => sheetName switch
    {
        SummarySheet.SheetName => SummarySheet.Build(data, filter, quota ?? new QuotaOptions()),
        QcdcDailySheet.SheetName => QcdcDailySheet.Build(data.Communes, data.Days, filter),
        AnswerTallies.SheetName => AnswerTallies.FromCounts(data.Communes, data.Questions, data.CountsFor(filter).Tallies, filter),
        FreeTextAnswers.SheetName => FreeTextAnswers.Build(data.Communes, data.Questions, data.Responses, filter),
        ResponseSheet.SheetName => ResponseSheet.Streamed(data.Communes, data.Questions, data.Responses, filter),
        _ => throw new ArgumentException($"The export has no sheet '{sheetName}'.", nameof(sheetName)),
    };
}
