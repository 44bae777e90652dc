using System.Globalization;
using System.Text.RegularExpressions;
using Reporting;
namespace ZaloBot.Conversation;

/// <summary>
/// The survey conversation, as a pure function: a stored state and a citizen's message in, a new state and the replies
/// out. It does no I/O; the caller stores the state, sends the replies and saves the completed response.
/// </summary>
public sealed partial class SurveyEngine
{
    private enum Command { None, Back, Restart, Pause, Help, Cancel, Decline }

    private enum Confirmation { Submit, Revise }

    private static readonly Dictionary<string, Command> Commands = CommandWords();

    private readonly SurveyDefinition survey;
    private readonly SurveyEngineOptions options;
    private readonly CommuneFinder communes;
    private readonly QuestionPath path;
    private readonly AnswerParser parser;
    private readonly ConversationPrompts prompts;

    public SurveyEngine(SurveyDefinition survey, SurveyEngineOptions options)
    {
        this.survey = survey;
        this.options = options;
        communes = new CommuneFinder(survey.Communes);
        path = new QuestionPath(survey);
        parser = new AnswerParser(options.SkipWord);
        prompts = new ConversationPrompts(survey, communes, path, options.SkipWord);
    }

    /// <summary>
    /// First contact: a follow, or a first message. A commune code or name in <paramref name="firstText"/> skips the
    /// commune question, so the first message is the greeting and the first question, not the list of communes.
    /// </summary>
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
        return CommandIn(text) switch
        {
            Command.Back => Back(active),
            Command.Restart => Ask(NewConversation(now, null), BotTexts.Restarted),
            Command.Pause => Reply(active with { Paused = true }, BotTexts.Paused(options.IdleTimeout)),
            Command.Help => Ask(active, BotTexts.Help),
            Command.Cancel => Cancel(active),
            Command.Decline when !AtOptionalQuestion(active) => Cancel(active),
            _ when state.Paused => Ask(active, BotTexts.Resumed),
            Command.Decline => AnswerQuestion(active, options.SkipWord),
            _ => Answer(active, text, now),
        };
    }

    private EngineResult Answer(ConversationState state, string text, DateTimeOffset now) => state.Phase switch
    {
        ConversationPhase.ChoosingCommune => ChooseCommune(state, text),
        ConversationPhase.Answering => AnswerQuestion(state, text),
        ConversationPhase.ChoosingRevision => ChooseRevision(state, text),
        _ => Confirm(state, text, now),
    };

    private EngineResult ChooseCommune(ConversationState state, string text)
    {
        var found = communes.Find(text, state.CommuneChoices) is { Count: > 0 } asSent ? asSent : communes.Find(CitizenReply.Tidy(text), state.CommuneChoices);
        return found.Count switch
        {
            0 => Ask(state, BotTexts.CommuneNotFound),
            1 => Ask(BeginQuestions(state, found[0].Code)),
            _ => Ask(state with { CommuneChoices = found.Select(c => c.Code).ToList() }),
        };
    }

    /// <summary>
    /// Takes the answer and moves on to the first question shown that is not answered yet: the next one, or after a
    /// change from the recap ("sửa câu 4"), the questions the change brought in, then the recap again. A problem
    /// gets a short re-ask, not the whole question.
    /// </summary>
    private EngineResult AnswerQuestion(ConversationState state, string text)
    {
        var question = survey.Question(state.CurrentQuestionId!);
        var parsed = parser.Parse(question, text);
        if (parsed.Problem is not null)
        {
            return Reply(state, parsed.Problem);
        }
        var answers = new Dictionary<string, List<string>>(state.Answers);
        if (parsed.Values.Count > 0)
        {
            answers[question.Id] = parsed.Values;
        }
        else
        {
            answers.Remove(question.Id);
        }
        return Ask(MoveOn(state, [.. state.History, question.Id], answers));
    }

    private ConversationState MoveOn(ConversationState state, IReadOnlyCollection<string> answered, IReadOnlyDictionary<string, List<string>> answers)
    {
        var (history, kept, next) = path.Advance(answered, answers);
        return state with
        {
            Phase = next is null ? ConversationPhase.Confirming : ConversationPhase.Answering,
            CurrentQuestionId = next?.Id,
            Answers = kept,
            History = history,
        };
    }

    /// <summary>
    /// Steps back to the question answered before this one, dropping its answer but showing it; from the recap, to
    /// the last question; before the first question, to the commune.
    /// </summary>
    private EngineResult Back(ConversationState state)
    {
        if (state.Phase == ConversationPhase.ChoosingRevision)
        {
            return Ask(state with { Phase = ConversationPhase.Confirming });
        }
        var previous = state.Phase == ConversationPhase.Answering
            ? path.Before(state.History, state.CurrentQuestionId!)
            : state.History.LastOrDefault();
        if (previous is null)
        {
            // Changing the first answer from the recap: "quay lại" leaves it as it was.
            return state.Phase == ConversationPhase.Answering && state.History.Count > 0
                ? Ask(MoveOn(state, state.History, state.Answers))
                : Ask(state with { Phase = ConversationPhase.ChoosingCommune, CommuneCode = null, CommuneChoices = [], CurrentQuestionId = null });
        }
        var answers = new Dictionary<string, List<string>>(state.Answers);
        answers.Remove(previous, out var earlier);
        var back = state with
        {
            Phase = ConversationPhase.Answering,
            CurrentQuestionId = previous,
            Answers = answers,
            History = state.History.Where(id => id != previous).ToList(),
        };
        return Ask(back, BotTexts.EarlierAnswer(ConversationPrompts.AnswerText(survey.Question(previous), earlier)));
    }

    private EngineResult Confirm(ConversationState state, string text, DateTimeOffset now)
    {
        // "1" and "2" answer the confirmation; a higher number can only mean a question of the recap.
        if (RevisionAsked(state, text, lowestBareNumber: 3) is { } number)
        {
            return Revise(state, number);
        }
        if (IsStartOver(text))
        {
            return Ask(BeginQuestions(state, state.CommuneCode!), BotTexts.Revising);
        }
        IReadOnlyList<Confirmation> choices = [Confirmation.Submit, Confirmation.Revise];
        IEnumerable<string> Words(Confirmation c) => c == Confirmation.Submit ? BotTexts.SubmitWords : BotTexts.ReviseWords;
        var picked = Choice.Find(text, choices, Words) is { Count: 1 } asSent ? asSent : Choice.Find(CitizenReply.Read(text), choices, Words);
        return picked switch
        {
            [Confirmation.Submit] => Submit(state, now),
            [Confirmation.Revise] => Ask(state with { Phase = ConversationPhase.ChoosingRevision }),
            _ => Reply(state, BotTexts.ConfirmAgain),
        };
    }

    private EngineResult ChooseRevision(ConversationState state, string text)
    {
        if (RevisionAsked(state, text, lowestBareNumber: 1) is { } number)
        {
            return Revise(state, number);
        }
        return IsStartOver(text)
            ? Ask(BeginQuestions(state, state.CommuneCode!), BotTexts.Revising)
            : Reply(state, BotTexts.WhichQuestionAgain(state.History.Count));
    }

    /// <summary>
    /// The question number in "sửa câu 6", "sửa 6" or "câu 6", or a number alone from <paramref name="lowestBareNumber"/>
    /// up to the questions answered.
    /// </summary>
    private static int? RevisionAsked(ConversationState state, string text, int lowestBareNumber)
    {
        var match = RevisionRequest().Match(CitizenReply.Tidy(text));
        if (match.Success)
        {
            return int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        }
        return Choice.TryParseNumber(CitizenReply.Read(text), out var number) && number >= lowestBareNumber && number <= state.History.Count
            ? number
            : null;
    }

    /// <summary>Asks the question again, showing the answer it has; once answered, the recap comes back.</summary>
    private EngineResult Revise(ConversationState state, int number)
    {
        if (number < 1 || number > state.History.Count)
        {
            return Reply(state with { Phase = ConversationPhase.ChoosingRevision }, BotTexts.WhichQuestionAgain(state.History.Count));
        }
        var question = survey.Question(state.History[number - 1]);
        var revising = state with { Phase = ConversationPhase.Answering, CurrentQuestionId = question.Id };
        return Ask(revising, BotTexts.EarlierAnswer(ConversationPrompts.AnswerText(question, state.Answers.GetValueOrDefault(question.Id))));
    }

    private static bool IsStartOver(string text) =>
        BotTexts.StartOverWords.Select(VietnameseText.Fold).Contains(CitizenReply.Tidy(text));

    /// <summary>Ends the survey at the citizen's wish: nothing is kept, and the reply says how to begin again.</summary>
    private static EngineResult Cancel(ConversationState state) => Reply(null, BotTexts.Cancelled(state.CommuneCode));

    private bool AtOptionalQuestion(ConversationState state) =>
        state is { Phase: ConversationPhase.Answering, CurrentQuestionId: { } id } && !survey.Question(id).Required;

    private EngineResult Submit(ConversationState state, DateTimeOffset now)
    {
        var completed = new CompletedResponse(survey.Id, state.CommuneCode!, state.Answers, state.StartedAt, now,
            QualityFlags.For(state.StartedAt, now, options));
        return Reply(null, survey.Thanks) with { Completed = completed };
    }

    private ConversationState NewConversation(DateTimeOffset now, string? text)
    {
        var state = new ConversationState { SurveyId = survey.Id, Phase = ConversationPhase.ChoosingCommune, StartedAt = now, LastActivityAt = now };
        var named = communes.InFirstMessage(text);
        return named.Count switch
        {
            1 => BeginQuestions(state, named[0].Code),
            > 1 => state with { CommuneChoices = named.Select(c => c.Code).ToList() },
            _ => state,
        };
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

    /// <summary>A command is the whole message, as sent or with its polite particles taken off ("dạ, quay lại ạ").</summary>
    private static Command CommandIn(string text) =>
        Commands.GetValueOrDefault(VietnameseText.Fold(text)) is not Command.None and var command
            ? command
            : Commands.GetValueOrDefault(CitizenReply.Read(text));

    private static Dictionary<string, Command> CommandWords()
    {
        var words = new (IReadOnlyList<string> Words, Command Command)[]
        {
            (BotTexts.BackWords, Command.Back), (BotTexts.RestartWords, Command.Restart),
            (BotTexts.PauseWords, Command.Pause), (BotTexts.HelpWords, Command.Help),
            (BotTexts.CancelWords, Command.Cancel), (BotTexts.DeclineWords, Command.Decline),
        };
        return words.SelectMany(w => w.Words, (w, word) => (Key: VietnameseText.Fold(word), w.Command))
            .ToDictionary(w => w.Key, w => w.Command);
    }

    [GeneratedRegex(@"^(?:sua(?: lai)? ?(?:cau ?)?|cau ?)(?:so ?)?#?(?<number>[0-9]{1,3})$")]
    private static partial Regex RevisionRequest();
}
