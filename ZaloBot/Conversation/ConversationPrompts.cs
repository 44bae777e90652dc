namespace ZaloBot.Conversation;

/// <summary>What the bot asks at each point of the conversation; every prompt ends by saying what to send.</summary>
internal sealed class ConversationPrompts(SurveyDefinition survey, CommuneFinder communes, QuestionPath path, string skipWord)
{
    public string For(ConversationState state) => state.Phase switch
    {
        ConversationPhase.ChoosingCommune when state.CommuneChoices.Count > 0 =>
            BotTexts.CommuneChoices(state.CommuneChoices.Select(code => communes.ByCode(code).Name).ToList()),
        ConversationPhase.ChoosingCommune => BotTexts.CommuneQuestion(survey.Communes.Select(c => c.Name)),
        ConversationPhase.Answering => Question(state),
        ConversationPhase.ChoosingRevision => BotTexts.WhichQuestion(state.History.Count),
        _ => Recap(state),
    };

    /// <summary>The current question, numbered among those this citizen is asked; at the first one, also the commune chosen, so a wrong pick can be undone.</summary>
    private string Question(ConversationState state)
    {
        var question = survey.Question(state.CurrentQuestionId!);
        var number = path.Place(state.History, question.Id);
        var text = BotTexts.Question(question, number, path.Total(state.History, state.Answers), skipWord);
        return number == 1 && state.History.Count == 0 ? BotTexts.Join(BotTexts.CommuneIs(CommuneName(state)), text) : text;
    }

    private string Recap(ConversationState state)
    {
        var answers = state.History
            .Select(survey.Question)
            .Select(q => (q.ShortText ?? q.Text, AnswerText(q, state.Answers.GetValueOrDefault(q.Id))));
        return BotTexts.Recap(CommuneName(state), answers);
    }

    /// <summary>An answer as the citizen reads it: the options' texts, the text written, or "(bỏ qua)".</summary>
    public static string AnswerText(QuestionDefinition question, List<string>? values) => values switch
    {
        null => BotTexts.Skipped,
        _ when question.Options.Count > 0 => string.Join(", ", question.Options.Where(o => values.Contains(o.Id)).Select(o => o.Text)),
        _ => values[0],
    };

    private string CommuneName(ConversationState state) => communes.ByCode(state.CommuneCode!).Name;
}
