using Reporting.Quota;

namespace Reporting.Exports;

/// <summary>Everything the district board exports from, as the service has stored it.</summary>
public sealed record SurveyData(
    IReadOnlyList<Commune> Communes,
    IReadOnlyList<QuestionInfo> Questions,
    IReadOnlyList<CommuneDay> Days,
    IReadOnlyList<ResponseRecord> Responses);

/// <summary>The board's full export: one table per XLSX sheet, in the order a reader wants them.</summary>
public static class BoardExport
{
    /// <summary>
    /// The summary first, then the QCDC tally, the answer tallies, the comments and the responses.
    /// Pass the configured <paramref name="quota"/>: without it the summary judges by the plan's defaults.
    /// </summary>
    public static IReadOnlyList<Table> Tables(SurveyData data, ExportFilter filter, QuotaOptions? quota = null) =>
    [
        SummarySheet.Build(data, filter, quota ?? new QuotaOptions()),
        QcdcDailySheet.Build(data.Communes, data.Days, filter),
        AnswerTallies.Build(data.Communes, data.Questions, data.Responses, filter),
        FreeTextAnswers.Build(data.Communes, data.Questions, data.Responses, filter),
        ResponseSheet.Build(data.Communes, data.Questions, data.Responses, filter),
    ];
}
