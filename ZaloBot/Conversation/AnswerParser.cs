using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ZaloBot.Conversation;

/// <summary>The answer read from a message: the values to record (none when skipped), or the problem to tell the citizen.</summary>
internal sealed record ParsedAnswer(List<string> Values, string? Problem)
{
    public static ParsedAnswer Valid(List<string> values) => new(values, null);

    public static ParsedAnswer Invalid(string problem) => new([], problem);
}

/// <summary>Reads a citizen's answer to one question, as forgivingly as the question allows.</summary>
internal sealed partial class AnswerParser(string skipWord)
{
    public ParsedAnswer Parse(QuestionDefinition question, string text)
    {
        if (VietnameseText.Fold(text) == VietnameseText.Fold(skipWord))
        {
            return question.Required ? ParsedAnswer.Invalid(BotTexts.AnswerRequired) : ParsedAnswer.Valid([]);
        }
        return question.Type switch
        {
            QuestionTypes.Single => ParseSingle(question, text),
            QuestionTypes.Multi => ParseMulti(question, text),
            QuestionTypes.Number => ParseNumber(question, text),
            _ => ParseText(question, text),
        };
    }

    private static ParsedAnswer ParseSingle(QuestionDefinition question, string text)
    {
        var found = FindOptions(question, text);
        return found.Count == 1 ? ParsedAnswer.Valid([found[0].Id]) : ParsedAnswer.Invalid(BotTexts.ChooseOne(question.Options.Count));
    }

    /// <summary>"1,3", "1 3", "1;3", "đất đai, hộ tịch": each part must name exactly one option.</summary>
    private static ParsedAnswer ParseMulti(QuestionDefinition question, string text)
    {
        var parts = SelectionSeparator().Split(VietnameseText.Fold(text)).Where(p => p.Length > 0).ToList();
        var picked = parts.Select(part => FindOptions(question, part)).ToList();
        if (picked.Count == 0 || picked.Exists(found => found.Count != 1))
        {
            return ParsedAnswer.Invalid(BotTexts.ChooseSeveral(question.Options.Count));
        }
        var ids = question.Options.Where(o => picked.Exists(found => found[0] == o)).Select(o => o.Id).ToList();
        var (min, max) = (question.Min ?? 1, question.Max ?? question.Options.Count);
        return ids.Count >= min && ids.Count <= max ? ParsedAnswer.Valid(ids) : ParsedAnswer.Invalid(BotTexts.SelectionCount(min, max));
    }

    private static ParsedAnswer ParseNumber(QuestionDefinition question, string text)
    {
        var valid = int.TryParse(VietnameseText.Fold(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= (question.Min ?? int.MinValue) && number <= (question.Max ?? int.MaxValue);
        return valid
            ? ParsedAnswer.Valid([number.ToString(CultureInfo.InvariantCulture)])
            : ParsedAnswer.Invalid(BotTexts.InvalidNumber(question.Min, question.Max));
    }

    private static ParsedAnswer ParseText(QuestionDefinition question, string text)
    {
        var answer = text.Normalize(NormalizationForm.FormC).Trim();
        return answer switch
        {
            "" => ParsedAnswer.Invalid(BotTexts.EmptyText),
            _ when question.MaxLength is { } max && answer.Length > max => ParsedAnswer.Invalid(BotTexts.TooLong(max, answer.Length)),
            _ => ParsedAnswer.Valid([answer]),
        };
    }

    private static IReadOnlyList<OptionDefinition> FindOptions(QuestionDefinition question, string text) =>
        Choice.Find(text, question.Options, o => [o.Text]);

    /// <summary>Commas and semicolons, and spaces between two numbers.</summary>
    [GeneratedRegex(@"\s*[,;]\s*|(?<=[0-9])\s+(?=[0-9])")]
    private static partial Regex SelectionSeparator();
}
