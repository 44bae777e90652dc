namespace Reporting.Exports;

/// <summary>
/// How often one option was chosen, of <paramref name="Answered"/> respondents who answered its question.
/// </summary>
public sealed record OptionTally(QuestionInfo Question, OptionInfo Option, int Count, int Answered)
{
    /// <summary>Percent of those who answered, one decimal; null when nobody did.</summary>
    public decimal? Percent => Answered > 0 ? AnswerTallies.Percent(Count, Answered) : null;
}

/// <summary>
/// How often each option of each single/multi question was chosen, per commune and then over all
/// filtered communes. The percentage is of the respondents who answered that question there, so a
/// question shown only to some (show-if) is not diluted by those never asked; multi-choice
/// percentages may add up to more than 100.
/// </summary>
public static class AnswerTallies
{
    public const string SheetName = "Thống kê";

    private static readonly string[] Headers =
    [
        ExportLabels.CommuneCode,
        ExportLabels.CommuneName,
        ExportLabels.QuestionId,
        ExportLabels.Question,
        "Phương án trả lời",
        "Số lượt chọn",
        "Tỷ lệ (%)",
        "Số người trả lời câu hỏi",
    ];

    public static Table Build(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter)
    {
        var directory = new CommuneDirectory(communes);
        var choiceQuestions = questions.Where(q => q.Type is "single" or "multi").ToList();
        var included = responses.Where(filter.Includes).ToList();
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var commune in included.GroupBy(r => r.CommuneCode).OrderBy(g => g.Key, directory))
        {
            rows.AddRange(Block(commune.Key, directory.Name(commune.Key), choiceQuestions, [.. commune]));
        }

        rows.AddRange(Block("", filter.ScopeName, choiceQuestions, included));
        return new Table(SheetName, Headers, rows);
    }

    /// <summary>Percent with one decimal, invariant culture, e.g. 33.3 and 50.0.</summary>
    public static decimal Percent(int count, int of) =>
        // Adding 0.0m gives a whole result one decimal place, so 50 prints as 50.0 like 33.3 does.
        Math.Round(count * 100m / of, 1, MidpointRounding.AwayFromZero) + 0.0m;

    /// <summary>
    /// Every option of every single/multi question among <paramref name="questions"/>, in survey order,
    /// counted over <paramref name="responses"/>: what the tallies sheet, the summary and the final
    /// report all read their shares from.
    /// </summary>
    public static IReadOnlyList<OptionTally> Tally(IEnumerable<QuestionInfo> questions, IReadOnlyCollection<ResponseRecord> responses)
    {
        var tallies = new List<OptionTally>();
        foreach (var question in questions.Where(q => q.Type is "single" or "multi"))
        {
            var chosen = responses
                .Select(r => r.Answers.TryGetValue(question.Id, out var ids) ? ids : [])
                .Where(ids => ids.Count > 0)
                .ToList();
            tallies.AddRange(question.Options.Select(option =>
                new OptionTally(question, option, chosen.Count(ids => ids.Contains(option.Id)), chosen.Count)));
        }

        return tallies;
    }

    private static IEnumerable<Cell[]> Block(
        string code, string name, IReadOnlyList<QuestionInfo> questions, IReadOnlyList<ResponseRecord> responses) =>
        Tally(questions, responses).Select(tally => new Cell[]
        {
            code,
            name,
            tally.Question.Id,
            tally.Question.Text,
            tally.Option.Text,
            tally.Count,
            tally.Percent is { } percent ? percent : Cell.Empty,
            tally.Answered,
        });
}
