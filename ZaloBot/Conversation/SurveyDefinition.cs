using System.Diagnostics.CodeAnalysis;
using Reporting;
namespace ZaloBot.Conversation;

/// <summary>
/// A survey as its file defines it. Dates are Vietnam local date-times without offset, as the district writes them.
/// </summary>
public sealed record SurveyDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>For people editing the file; the bot never shows it.</summary>
    public string? Note { get; init; }

    public DateTime OpensAt { get; init; }
    public DateTime ClosesAt { get; init; }
    public string Intro { get; init; } = "";
    public string Thanks { get; init; } = "";
    public bool IsEditableDefault { get; init; }
    public List<CommuneDefinition> Communes { get; init; } = [];
    public List<QuestionDefinition> Questions { get; init; } = [];

    public bool IsOpenAt(DateTimeOffset now) => now >= VietnamTime.FromLocal(OpensAt) && now < VietnamTime.FromLocal(ClosesAt);

    public QuestionDefinition Question(string id) => Questions.Single(q => q.Id == id);

    /// <summary>1-based place of the question in the whole list, for "Câu n/N".</summary>
    public int NumberOf(QuestionDefinition question) => Questions.IndexOf(question) + 1;

    /// <summary>The first question after <paramref name="afterId"/> that the answers so far show, or null at the end.</summary>
    public QuestionDefinition? NextQuestion(string afterId, IReadOnlyDictionary<string, List<string>> answers) =>
        Questions.Skip(Questions.FindIndex(q => q.Id == afterId) + 1).FirstOrDefault(q => q.ShowIf?.IsMetBy(answers) ?? true);
}

public sealed record CommuneDefinition
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public List<string> Aliases { get; init; } = [];
}

public sealed record QuestionDefinition
{
    public string Id { get; init; } = "";
    public string Text { get; init; } = "";

    /// <summary>A few words naming the question in the recap before submitting; the full text when absent.</summary>
    public string? ShortText { get; init; }

    /// <summary>One of <see cref="QuestionTypes"/>.</summary>
    public string Type { get; init; } = "";
    public List<OptionDefinition> Options { get; init; } = [];
    public bool Required { get; init; } = true;
    public ShowIfCondition? ShowIf { get; init; }

    /// <summary>Smallest number allowed, or for multi the fewest selections.</summary>
    public int? Min { get; init; }

    /// <summary>Largest number allowed, or for multi the most selections.</summary>
    public int? Max { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record OptionDefinition
{
    public string Id { get; init; } = "";
    public string Text { get; init; } = "";
}

/// <summary>Show the question only when an earlier question was answered with one of <see cref="AnyOf"/>.</summary>
public sealed record ShowIfCondition
{
    public string Question { get; init; } = "";
    public List<string> AnyOf { get; init; } = [];

    public bool IsMetBy(IReadOnlyDictionary<string, List<string>> answers) =>
        answers.TryGetValue(Question, out var chosen) && chosen.Intersect(AnyOf).Any();
}

public static class QuestionTypes
{
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the survey's single-choice question type, as the survey files spell it.")]
    public const string Single = "single";
    public const string Multi = "multi";
    public const string Text = "text";
    public const string Number = "number";

    public static IReadOnlyList<string> All { get; } = [Single, Multi, Text, Number];

    public static bool HasOptions(string type) => type is Single or Multi;
}
