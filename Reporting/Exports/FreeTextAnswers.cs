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
        var sheet = Gather(communes, questions, responses, filter).Sheet();
        return new Table(sheet.Name, sheet.Headers, [.. sheet.Rows]);
    }

    /// <summary>
    /// The non-blank answers to text questions in the filter, commune by commune in survey-file
    /// order, question by question, oldest first: the comments sheet and the final report read these.
    /// </summary>
    public static IReadOnlyList<FreeText> Collect(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter) =>
        Gather(communes, questions, responses, filter).InOrder();

    private static Gathering Gather(
        IReadOnlyList<Commune> communes,
        IReadOnlyList<QuestionInfo> questions,
        IEnumerable<ResponseRecord> responses,
        ExportFilter filter)
    {
        var gathered = new Gathering(communes, questions, filter);
        foreach (var response in responses)
        {
            gathered.Add(response);
        }

        return gathered;
    }

    /// <summary>The text questions, in survey order: their place in this list orders a response's comments.</summary>
    internal static List<QuestionInfo> TextQuestions(IEnumerable<QuestionInfo> questions) => [.. questions.Where(q => q.Type == "text")];

    /// <summary>A response's non-blank answers to <paramref name="textQuestions"/>, with each question's place in that list.</summary>
    internal static IEnumerable<(int Order, QuestionInfo Question, string Text)> Of(List<QuestionInfo> textQuestions, ResponseRecord response)
    {
        for (var order = 0; order < textQuestions.Count; order++)
        {
            var text = AnswerText.Of(textQuestions[order], response);
            if (text.Length > 0)
            {
                yield return (order, textQuestions[order], text);
            }
        }
    }

    /// <summary>
    /// The comments of responses as something else reads them (the responses sheet), so that one
    /// pass over the store makes both sheets; only the comments are kept.
    /// </summary>
    public sealed class Gathering(IReadOnlyList<Commune> communes, IReadOnlyList<QuestionInfo> questions, ExportFilter filter)
    {
        private readonly CommuneDirectory directory = new(communes);
        private readonly List<QuestionInfo> textQuestions = TextQuestions(questions);
        private readonly List<(FreeText Answer, int Order, int Read)> answers = [];
        private bool sorted = true;

        public void Add(ResponseRecord response)
        {
            ArgumentNullException.ThrowIfNull(response);
            if (!filter.Includes(response))
            {
                return;
            }

            foreach (var (order, question, text) in Of(textQuestions, response))
            {
                answers.Add((new FreeText(response.CommuneCode, response.SubmittedAt, question, text), order, answers.Count));
                sorted = false;
            }
        }

        /// <summary>What was gathered, in the order <see cref="Collect"/> gives.</summary>
        public IReadOnlyList<FreeText> InOrder() => [.. Sorted().Select(a => a.Answer)];

        /// <summary>The comments sheet, its rows made as they are written: only the comments themselves are held.</summary>
        public Sheet Sheet() => new(SheetName, Headers, Sorted().Select(a => (IReadOnlyList<Cell>)new Cell[]
        {
            a.Answer.CommuneCode, directory.Name(a.Answer.CommuneCode), DateOnly.FromDateTime(VietnamTime.ToLocal(a.Answer.SubmittedAt).DateTime),
            a.Answer.Question.Id, a.Answer.Question.Text, a.Answer.Text,
        }));

        /// <summary>Commune by commune in survey-file order, question by question, oldest first, then as read; sorted in place.</summary>
        private List<(FreeText Answer, int Order, int Read)> Sorted()
        {
            if (!sorted)
            {
                answers.Sort((a, b) =>
                {
                    var byCommune = directory.Compare(a.Answer.CommuneCode, b.Answer.CommuneCode);
                    if (byCommune != 0)
                    {
                        return byCommune;
                    }

                    return a.Order != b.Order ? a.Order.CompareTo(b.Order)
                        : a.Answer.SubmittedAt != b.Answer.SubmittedAt ? a.Answer.SubmittedAt.CompareTo(b.Answer.SubmittedAt)
                        : a.Read.CompareTo(b.Read);
                });
                sorted = true;
            }

            return answers;
        }
    }
}
