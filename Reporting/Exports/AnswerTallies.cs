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
        ExportFilter filter) =>
        FromCounts(communes, questions, Count(responses.Where(filter.Includes)), filter);

    /// <summary>The same table from counts kept as responses arrive (see <see cref="TallyCount"/>), already filtered by day.</summary>
    public static Table FromCounts(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<TallyCount> counts,
        ExportFilter filter)
    {
        var directory = new CommuneDirectory(communes);
        var choiceQuestions = questions.Where(q => q.Type is "single" or "multi").ToList();
        var included = counts.Where(c => filter.AllCommunes || filter.Communes!.Contains(c.CommuneCode)).ToList();
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var commune in included.GroupBy(c => c.CommuneCode).OrderBy(g => g.Key, directory))
        {
            rows.AddRange(Block(commune.Key, directory.Name(commune.Key), choiceQuestions, Sum(commune)));
        }

        rows.AddRange(Block("", filter.ScopeName, choiceQuestions, Sum(included)));
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
    public static IReadOnlyList<OptionTally> Tally(IEnumerable<QuestionInfo> questions, IEnumerable<ResponseRecord> responses) =>
        Tally(questions, Count(responses));

    /// <summary>The same from counts (see <see cref="TallyCount"/>), summed over the communes they hold.</summary>
    public static IReadOnlyList<OptionTally> Tally(IEnumerable<QuestionInfo> questions, IEnumerable<TallyCount> counts) =>
        Tally(questions, Sum(counts));

    /// <summary>Counts per commune, question and option; an empty option id counts those who answered the question.</summary>
    public static IEnumerable<TallyCount> Count(IEnumerable<ResponseRecord> responses) => ResponseCounts.Count(responses).Tallies;

    private static IReadOnlyList<OptionTally> Tally(IEnumerable<QuestionInfo> questions, Dictionary<(string Question, string Option), int> counts) =>
        questions
            .Where(q => q.Type is "single" or "multi")
            .SelectMany(question => question.Options.Select(option => new OptionTally(
                question, option, counts.GetValueOrDefault((question.Id, option.Id)), counts.GetValueOrDefault((question.Id, "")))))
            .ToList();

    private static Dictionary<(string Question, string Option), int> Sum(IEnumerable<TallyCount> counts) =>
        counts.GroupBy(c => (c.QuestionId, c.OptionId)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

    private static IEnumerable<Cell[]> Block(
        string code, string name, IReadOnlyList<QuestionInfo> questions, Dictionary<(string Question, string Option), int> counts) =>
        Tally(questions, counts).Select(tally => new Cell[]
        {
            code,
            name,
            tally.Question.Id,
            tally.Question.Text,
            tally.Option.Text,
            tally.Count,
            tally.Percent is { } percent ? Cell.Percent(percent) : Cell.Empty,
            tally.Answered,
        });
}
