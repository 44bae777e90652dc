namespace ZaloBot.Conversation;

/// <summary>What the bot asks at each point of the conversation; every prompt ends by saying what to send.</summary>
internal sealed class ConversationPrompts(SurveyDefinition survey, CommuneFinder communes, string skipWord)
{
    public string For(ConversationState state) => state.Phase switch
    {
        ConversationPhase.ChoosingCommune when state.CommuneChoices.Count > 0 =>
            BotTexts.CommuneChoices(state.CommuneChoices.Select(code => communes.ByCode(code).Name).ToList()),
        ConversationPhase.ChoosingCommune => BotTexts.CommuneQuestion(survey.Communes.Select(c => c.Name)),
        ConversationPhase.Answering => Question(state),
        _ => Recap(state),
    };

    /// <summary>The current question; at the first one, also the commune chosen, so a wrong pick can be undone.</summary>
    private string Question(ConversationState state)
    {
        var question = survey.Question(state.CurrentQuestionId!);
        var text = BotTexts.Question(question, survey.NumberOf(question), survey.Questions.Count, skipWord);
        return state.History.Count == 0 ? BotTexts.Join(BotTexts.CommuneIs(CommuneName(state)), text) : text;
    }

    private string Recap(ConversationState state)
    {
        var answers = state.History
            .Select(survey.Question)
            .Select(q => (q.ShortText ?? q.Text, AnswerText(q, state.Answers.GetValueOrDefault(q.Id))));
        return BotTexts.Recap(answers.Prepend((BotTexts.CommuneLabel, CommuneName(state))));
    }

    private static string AnswerText(QuestionDefinition question, List<string>? values) => values switch
    {
        null => BotTexts.Skipped,
        _ when question.Options.Count > 0 => string.Join(", ", question.Options.Where(o => values.Contains(o.Id)).Select(o => o.Text)),
        _ => values[0],
    };

    private string CommuneName(ConversationState state) => communes.ByCode(state.CommuneCode!).Name;
}
