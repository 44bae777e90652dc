using System.Globalization;

namespace Reporting.Exports;

/// <summary>
/// One row per response, for analysis elsewhere. Only the survey's own questions are exported: an
/// answer key the survey file does not define (whatever put it there) never reaches the file.
/// </summary>
public static class ResponseSheet
{
    public const string SheetName = "Phiếu";

    public static Table Build(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter)
    {
        var ordered = responses
            .OrderBy(r => r.SubmittedAt)
            .ThenBy(r => r.ResponseId, StringComparer.Ordinal);
        return new Table(SheetName, Headers(questions), [.. Rows(communes, questions, ordered, filter)]);
    }

    /// <summary>
    /// The sheet of the responses the filter takes, in the order <paramref name="responses"/> gives
    /// them (the store's: as submitted), made row by row as the sheet is written.
    /// </summary>
    public static Sheet Streamed(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter) =>
        new(SheetName, Headers(questions), Rows(communes, questions, responses, filter));

    public static IReadOnlyList<string> Headers(IReadOnlyList<QuestionInfo> questions) =>
    [
        "Mã phiếu",
        ExportLabels.CommuneCode,
        ExportLabels.CommuneName,
        "Thời điểm gửi (giờ Việt Nam)",
        "Thời gian trả lời (giây)",
        // The id in front keeps headers unique and lets an analyst match columns to the survey file.
        .. questions.Select(q => $"[{q.Id}] {q.Text}"),
        "Dấu hiệu cần kiểm tra",
    ];

    /// <summary>The rows of the responses the filter takes, in the order given, made as they are read.</summary>
    public static IEnumerable<IReadOnlyList<Cell>> Rows(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter)
    {
        var directory = new CommuneDirectory(communes);
        return responses.Where(filter.Includes).Select(response => Row(response, directory, questions));
    }

    private static Cell[] Row(ResponseRecord response, CommuneDirectory directory, IReadOnlyList<QuestionInfo> questions) =>
    [
        response.ResponseId,
        response.CommuneCode,
        directory.Name(response.CommuneCode),
        Cell.LocalTime(VietnamTime.ToLocal(response.SubmittedAt).DateTime),
        (int)Math.Round((response.SubmittedAt - response.StartedAt).TotalSeconds),
        .. questions.Select(q => Answer(q, response)),
        ExportLabels.Flags(response.QualityFlags),
    ];

    /// <summary>A number question's answer stays a number, so the XLSX can sum and sort it.</summary>
    private static Cell Answer(QuestionInfo question, ResponseRecord response)
    {
        var text = AnswerText.Of(question, response);
        return question.Type == "number" && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number
            : text;
    }
}
