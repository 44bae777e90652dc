using Reporting;
namespace ZaloBot.Conversation;

/// <summary>
/// The survey conversation, as a pure function: a stored state and a citizen's message in, a new state and the replies
/// out. It does no I/O; the caller stores the state, sends the replies and saves the completed response.
/// </summary>
public sealed class SurveyEngine
{
    private enum Command { None, Back, Restart, Pause, Help }

    private enum Confirmation { Submit, Revise }

    private static readonly Dictionary<string, Command> Commands = CommandWords();

    private readonly SurveyDefinition survey;
    private readonly SurveyEngineOptions options;
    private readonly CommuneFinder communes;
    private readonly AnswerParser parser;
    private readonly ConversationPrompts prompts;

    public SurveyEngine(SurveyDefinition survey, SurveyEngineOptions options)
    {
        this.survey = survey;
        this.options = options;
        communes = new CommuneFinder(survey.Communes);
        parser = new AnswerParser(options.SkipWord);
        prompts = new ConversationPrompts(survey, communes, options.SkipWord);
    }

    /// <summary>First contact: a follow, or a first message. A commune code in <paramref name="firstText"/> skips the commune question.</summary>
    public EngineResult Start(DateTimeOffset now, string? firstText)
    {
        if (!survey.IsOpenAt(now))
        {
            return Reply(null, now < VietnamTime.FromLocal(survey.OpensAt) ? BotTexts.NotYetOpen(survey) : BotTexts.Closed(survey));
        }
        var state = NewConversation(now, firstText);
        return Reply(state, BotTexts.Greeting(survey), prompts.For(state));
    }

    public EngineResult Handle(ConversationState? state, string text, DateTimeOffset now)
    {
        // Start greets a newcomer, or says the survey is closed and drops the state.
        if (state is null || state.SurveyId != survey.Id || !survey.IsOpenAt(now))
        {
            return Start(now, text);
        }
        if (now - state.LastActivityAt > options.IdleTimeout)
        {
            return Ask(NewConversation(now, text), BotTexts.Expired(options.IdleTimeout));
        }
        var active = state with { Paused = false, LastActivityAt = now };
        return Commands.GetValueOrDefault(VietnameseText.Fold(text)) switch
        {
            Command.Back => Back(active),
            Command.Restart => Ask(NewConversation(now, null), BotTexts.Restarted),
            Command.Pause => Reply(active with { Paused = true }, BotTexts.Paused(options.IdleTimeout)),
            Command.Help => Ask(active, BotTexts.Help),
            _ when state.Paused => Ask(active, BotTexts.Resumed),
            _ => Answer(active, text, now),
        };
    }

    private EngineResult Answer(ConversationState state, string text, DateTimeOffset now) => state.Phase switch
    {
        ConversationPhase.ChoosingCommune => ChooseCommune(state, text),
        ConversationPhase.Answering => AnswerQuestion(state, text),
        _ => Confirm(state, text, now),
    };

    private EngineResult ChooseCommune(ConversationState state, string text)
    {
        var found = communes.Find(text, state.CommuneChoices);
        return found.Count switch
        {
            0 => Ask(state, BotTexts.CommuneNotFound),
            1 => Ask(BeginQuestions(state, found[0].Code)),
            _ => Ask(state with { CommuneChoices = found.Select(c => c.Code).ToList() }),
        };
    }

    private EngineResult AnswerQuestion(ConversationState state, string text)
    {
        var question = survey.Question(state.CurrentQuestionId!);
        var parsed = parser.Parse(question, text);
        if (parsed.Problem is not null)
        {
            return Ask(state, parsed.Problem);
        }
        var answers = new Dictionary<string, List<string>>(state.Answers);
        if (parsed.Values.Count > 0)
        {
            answers[question.Id] = parsed.Values;
        }
        var next = survey.NextQuestion(question.Id, answers);
        return Ask(state with
        {
            Phase = next is null ? ConversationPhase.Confirming : ConversationPhase.Answering,
            CurrentQuestionId = next?.Id,
            Answers = answers,
            History = [.. state.History, question.Id],
        });
    }

    /// <summary>Steps back to the last question answered, dropping its answer; before the first question, to the commune.</summary>
    private EngineResult Back(ConversationState state)
    {
        if (state.History.Count == 0)
        {
            return Ask(state with { Phase = ConversationPhase.ChoosingCommune, CommuneCode = null, CommuneChoices = [], CurrentQuestionId = null });
        }
        var last = state.History[^1];
        var answers = new Dictionary<string, List<string>>(state.Answers);
        answers.Remove(last);
        return Ask(state with
        {
            Phase = ConversationPhase.Answering,
            CurrentQuestionId = last,
            Answers = answers,
            History = [.. state.History.SkipLast(1)],
        });
    }

    private EngineResult Confirm(ConversationState state, string text, DateTimeOffset now)
    {
        var picked = Choice.Find(text, [Confirmation.Submit, Confirmation.Revise],
            c => c == Confirmation.Submit ? BotTexts.SubmitWords : BotTexts.ReviseWords);
        return picked switch
        {
            [Confirmation.Submit] => Submit(state, now),
            [Confirmation.Revise] => Ask(BeginQuestions(state, state.CommuneCode!), BotTexts.Revising),
            _ => Ask(state, BotTexts.NotUnderstood),
        };
    }

    private EngineResult Submit(ConversationState state, DateTimeOffset now)
    {
        var completed = new CompletedResponse(survey.Id, state.CommuneCode!, state.Answers, state.StartedAt, now,
            QualityFlags.For(state.StartedAt, now, options));
        return Reply(null, survey.Thanks) with { Completed = completed };
    }

    private ConversationState NewConversation(DateTimeOffset now, string? text)
    {
        var state = new ConversationState { SurveyId = survey.Id, Phase = ConversationPhase.ChoosingCommune, StartedAt = now, LastActivityAt = now };
        return communes.FindCode(text) is { } commune ? BeginQuestions(state, commune.Code) : state;
    }

    private ConversationState BeginQuestions(ConversationState state, string communeCode) => state with
    {
        Phase = ConversationPhase.Answering,
        CommuneCode = communeCode,
        CommuneChoices = [],
        // The first question is always shown: a showIf may only name an earlier question.
        CurrentQuestionId = survey.Questions[0].Id,
        Answers = [],
        History = [],
    };

    /// <summary>One message: an optional notice, then what the citizen is asked now.</summary>
    private EngineResult Ask(ConversationState state, string? notice = null) => Reply(state, BotTexts.Join(notice, prompts.For(state)));

    private static EngineResult Reply(ConversationState? state, params string[] messages) =>
        new(state, messages.Select(BotTexts.Fit).ToList(), null);

    private static Dictionary<string, Command> CommandWords()
    {
        var words = new (IReadOnlyList<string> Words, Command Command)[]
        {
            (BotTexts.BackWords, Command.Back), (BotTexts.RestartWords, Command.Restart),
            (BotTexts.PauseWords, Command.Pause), (BotTexts.HelpWords, Command.Help),
        };
        return words.SelectMany(w => w.Words, (w, word) => (Key: VietnameseText.Fold(word), w.Command))
            .ToDictionary(w => w.Key, w => w.Command);
    }
}
