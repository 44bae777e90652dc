namespace ZaloBot.Conversation;

/// <summary>Where one citizen's answers lead: what they are asked next, and how their questions are numbered.</summary>
/// <remarks>
/// A citizen is numbered only the questions they are asked, so a skipped block leaves no gap ("Câu 4/11" then
/// "Câu 5/7", never "Câu 9/11"). The total counts the questions still possible: shown by the answers given, or
/// hanging on a question not answered yet. Answers only ever settle such questions, so the total never grows as
/// the citizen moves on.
/// </remarks>
internal sealed class QuestionPath(SurveyDefinition survey)
{
    /// <summary>
    /// The citizen's place after answering the questions in <paramref name="answered"/>: those still shown, in order,
    /// with their answers (an answer to a question no longer shown is dropped), and the first shown question not
    /// answered yet, or null when all are.
    /// </summary>
    public (List<string> History, Dictionary<string, List<string>> Answers, QuestionDefinition? Next) Advance(
        IReadOnlyCollection<string> answered, IReadOnlyDictionary<string, List<string>> answers)
    {
        var history = new List<string>();
        var kept = new Dictionary<string, List<string>>();
        QuestionDefinition? next = null;
        foreach (var question in survey.Questions.Where(q => q.ShowIf?.IsMetBy(kept) ?? true))
        {
            if (!answered.Contains(question.Id))
            {
                next ??= question;
                continue;
            }
            history.Add(question.Id);
            if (answers.TryGetValue(question.Id, out var values))
            {
                kept[question.Id] = values;
            }
        }
        return (history, kept, next);
    }

    /// <summary>The number the citizen sees for a question: 1 + the questions answered before it.</summary>
    public int Place(IReadOnlyList<string> history, string questionId) =>
        history.Count(id => Index(id) < Index(questionId)) + 1;

    /// <summary>How many questions the citizen may be asked in all, given the questions answered so far.</summary>
    public int Total(IReadOnlyList<string> history, IReadOnlyDictionary<string, List<string>> answers)
    {
        var possible = new Dictionary<string, bool>();
        foreach (var question in survey.Questions)
        {
            possible[question.Id] = question.ShowIf is not { } showIf
                || (possible[showIf.Question] && (!history.Contains(showIf.Question) || showIf.IsMetBy(answers)));
        }
        return possible.Count(p => p.Value);
    }

    /// <summary>The last question answered before <paramref name="questionId"/>, or null at the first.</summary>
    public string? Before(IReadOnlyList<string> history, string questionId) =>
        history.LastOrDefault(id => Index(id) < Index(questionId));

    private int Index(string questionId) => survey.Questions.FindIndex(q => q.Id == questionId);
}
