namespace Reporting.Exports;

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

    private static IEnumerable<Cell[]> Block(
        string code, string name, IReadOnlyList<QuestionInfo> questions, IReadOnlyList<ResponseRecord> responses)
    {
        foreach (var question in questions)
        {
            var chosen = responses
                .Select(r => r.Answers.TryGetValue(question.Id, out var ids) ? ids : [])
                .Where(ids => ids.Count > 0)
                .ToList();
            foreach (var option in question.Options)
            {
                var count = chosen.Count(ids => ids.Contains(option.Id));
                yield return
                [
                    code,
                    name,
                    question.Id,
                    question.Text,
                    option.Text,
                    count,
                    chosen.Count > 0 ? Percent(count, chosen.Count) : Cell.Empty,
                    chosen.Count,
                ];
            }
        }
    }
}
