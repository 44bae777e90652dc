namespace ZaloBot.Conversation;

/// <summary>Checks a survey file's content, stopping at the first problem with a message a district editor can act on.</summary>
internal sealed class SurveyDefinitionValidator(string fileName)
{
    public void Validate(SurveyDefinition survey)
    {
        ValidateTexts(survey);
        ValidateWindow(survey);
        ValidateCommunes(survey.Communes);
        ValidateQuestions(survey.Questions);
    }

    private void ValidateTexts(SurveyDefinition survey)
    {
        Require(!string.IsNullOrWhiteSpace(survey.Id), "has no id");
        Require(!string.IsNullOrWhiteSpace(survey.Title), "has no title");
        Require(!string.IsNullOrWhiteSpace(survey.Intro), "has no intro");
        Require(!string.IsNullOrWhiteSpace(survey.Thanks), "has no thanks");
    }

    private void ValidateWindow(SurveyDefinition survey)
    {
        ValidateLocalTime("opensAt", survey.OpensAt);
        ValidateLocalTime("closesAt", survey.ClosesAt);
        Require(survey.ClosesAt > survey.OpensAt, $"closesAt {survey.ClosesAt:s} is not after opensAt {survey.OpensAt:s}");
    }

    private void ValidateLocalTime(string name, DateTime value)
    {
        Require(value != default, $"has no {name}");
        Require(value.Kind == DateTimeKind.Unspecified,
            $"{name} must be a Vietnam local date-time without offset or Z, e.g. 2026-11-01T07:00:00");
    }

    private void ValidateCommunes(List<CommuneDefinition> communes)
    {
        Require(communes.Count > 0, "has no communes");
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (commune, index) in communes.Select((c, i) => (c, i + 1)))
        {
            Require(!string.IsNullOrWhiteSpace(commune.Code), $"commune #{index} has no code");
            Require(IsCode(commune.Code), $"commune code '{commune.Code}' must be a letter followed by letters or digits, e.g. X07");
            Require(!string.IsNullOrWhiteSpace(commune.Name), $"commune '{commune.Code}' has no name");
            Require(codes.Add(commune.Code), $"duplicate commune code '{commune.Code}'");
        }
    }

    /// <summary>Codes are found as whole words in a citizen's message, so they must be one word and not a bare number.</summary>
    private static bool IsCode(string code) => char.IsAsciiLetter(code[0]) && code.All(char.IsAsciiLetterOrDigit);

    private void ValidateQuestions(List<QuestionDefinition> questions)
    {
        Require(questions.Count > 0, "has no questions");
        foreach (var (question, index) in questions.Select((q, i) => (q, i)))
        {
            Require(!string.IsNullOrWhiteSpace(question.Id), $"question #{index + 1} has no id");
            Require(questions.FindIndex(q => q.Id == question.Id) == index, $"duplicate question id '{question.Id}'");
            ValidateQuestion(question);
            ValidateShowIf(question, questions.Take(index).ToList(), questions);
        }
    }

    private void ValidateQuestion(QuestionDefinition question)
    {
        Require(!string.IsNullOrWhiteSpace(question.Text), $"question '{question.Id}' has no text");
        Require(QuestionTypes.All.Contains(question.Type),
            $"question '{question.Id}' has unknown type '{question.Type}' (use {string.Join(", ", QuestionTypes.All)})");
        Require(question.Min is null || question.Max is null || question.Min <= question.Max,
            $"question '{question.Id}' has min {question.Min} greater than max {question.Max}");
        Require(question.MaxLength is null or > 0, $"question '{question.Id}' has maxLength {question.MaxLength}; it must be positive");
        ValidateOptions(question);
    }

    private void ValidateOptions(QuestionDefinition question)
    {
        Require(!QuestionTypes.HasOptions(question.Type) || question.Options.Count > 0,
            $"question '{question.Id}' ({question.Type}) has no options");
        var ids = new HashSet<string>();
        foreach (var (option, index) in question.Options.Select((o, i) => (o, i + 1)))
        {
            Require(!string.IsNullOrWhiteSpace(option.Id), $"question '{question.Id}' option #{index} has no id");
            Require(!string.IsNullOrWhiteSpace(option.Text), $"question '{question.Id}' option '{option.Id}' has no text");
            Require(ids.Add(option.Id), $"question '{question.Id}' has duplicate option id '{option.Id}'");
        }
    }

    private void ValidateShowIf(QuestionDefinition question, List<QuestionDefinition> earlier, List<QuestionDefinition> all)
    {
        if (question.ShowIf is not { } showIf)
        {
            return;
        }
        var prefix = $"question '{question.Id}' showIf";
        Require(all.Any(q => q.Id == showIf.Question), $"{prefix} names unknown question '{showIf.Question}'");
        var target = earlier.Find(q => q.Id == showIf.Question)
            ?? throw Problem($"{prefix} names '{showIf.Question}', which is not an earlier question");
        Require(showIf.AnyOf.Count > 0, $"{prefix} lists no options in anyOf");
        var unknown = showIf.AnyOf.Find(id => !target.Options.Exists(o => o.Id == id));
        Require(unknown is null, $"{prefix} names unknown option '{unknown}' of question '{showIf.Question}'");
    }

    private void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw Problem(problem);
        }
    }

    private SurveyDefinitionException Problem(string problem) => new($"Survey file {fileName}: {problem}");
}
