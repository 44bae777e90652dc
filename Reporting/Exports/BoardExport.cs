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
    public static IReadOnlyList<Table> Tables(SurveyData data, ExportFilter filter) =>
    [
        QcdcDailySheet.Build(data.Communes, data.Days, filter),
        AnswerTallies.Build(data.Communes, data.Questions, data.Responses, filter),
        FreeTextAnswers.Build(data.Communes, data.Questions, data.Responses, filter),
        ResponseSheet.Build(data.Communes, data.Questions, data.Responses, filter),
    ];
}
