namespace Reporting.Exports;

/// <summary>One citizen's own words in answer to a text question; anonymous, like the response.</summary>
public sealed record FreeText(string CommuneCode, DateTimeOffset SubmittedAt, QuestionInfo Question, string Text);

/// <summary>
/// The citizens' own words (answers to text questions), listed apart from the tallies because they
/// cannot be counted. Blank answers are left out: the comment question may be skipped.
/// </summary>
public static class FreeTextAnswers
{
    public const string SheetName = "Ý kiến";

    private static readonly string[] Headers =
    [
        ExportLabels.CommuneCode,
        ExportLabels.CommuneName,
        "Ngày gửi",
        ExportLabels.QuestionId,
        ExportLabels.Question,
        "Ý kiến, kiến nghị",
    ];

    public static Table Build(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter)
    {
        var directory = new CommuneDirectory(communes);
        var rows = Collect(communes, questions, responses, filter).Select(answer => new Cell[]
        {
            answer.CommuneCode, directory.Name(answer.CommuneCode), DateOnly.FromDateTime(VietnamTime.ToLocal(answer.SubmittedAt).DateTime),
            answer.Question.Id, answer.Question.Text, answer.Text,
        });
        return new Table(SheetName, Headers, [.. rows]);
    }

    /// <summary>
    /// The non-blank answers to text questions in the filter, commune by commune in survey-file
    /// order, question by question, oldest first: the comments sheet and the final report read these.
    /// </summary>
    public static IReadOnlyList<FreeText> Collect(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter)
    {
        var directory = new CommuneDirectory(communes);
        var textQuestions = questions.Where(q => q.Type == "text").ToList();
        return responses
            .Where(filter.Includes)
            .SelectMany(response => textQuestions.Select((question, order) =>
                (response.CommuneCode, response.SubmittedAt, question, order, Text: AnswerText.Of(question, response))))
            .Where(answer => answer.Text.Length > 0)
            .OrderBy(answer => answer.CommuneCode, directory)
            .ThenBy(answer => answer.order)
            .ThenBy(answer => answer.SubmittedAt)
            .Select(answer => new FreeText(answer.CommuneCode, answer.SubmittedAt, answer.question, answer.Text))
            .ToList();
    }
}
