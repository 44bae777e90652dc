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

/// <summary>
/// Reads a citizen's answer to one question, as forgivingly as the question allows: the reply as sent first, then,
/// for a choice or a number, as <see cref="CitizenReply.Read"/> makes it out ("dạ có ạ", "ko", "hai", "số 2").
/// A problem comes as a short re-ask with the answers' numbers.
/// </summary>
internal sealed partial class AnswerParser(string skipWord)
{
    public ParsedAnswer Parse(QuestionDefinition question, string text)
    {
        if (IsSkip(text))
        {
            return question.Required ? ParsedAnswer.Invalid(BotTexts.Reask(BotTexts.AnswerRequired, question)) : ParsedAnswer.Valid([]);
        }
        if (question.Type == QuestionTypes.Text)
        {
            return ParseText(question, text);
        }
        var asSent = ParseChoiceOrNumber(question, text);
        var read = CitizenReply.Read(text);
        if (asSent.Problem is null || read == VietnameseText.Fold(text) || (read == CitizenReply.Yes && !HasYes(question)))
        {
            return asSent;
        }
        var asRead = ParseChoiceOrNumber(question, read);
        return asRead.Problem is null ? asRead : asSent;
    }

    /// <summary>"Vâng" and "dạ" mean yes only where yes is an answer.</summary>
    private static bool HasYes(QuestionDefinition question) =>
        question.Options.Exists(o => VietnameseText.Fold(o.Text) == CitizenReply.Yes);

    public bool IsSkip(string text) =>
        VietnameseText.Fold(text) == VietnameseText.Fold(skipWord) || CitizenReply.Tidy(text) == VietnameseText.Fold(skipWord);

    private static ParsedAnswer ParseChoiceOrNumber(QuestionDefinition question, string text) => question.Type switch
    {
        QuestionTypes.Single => ParseSingle(question, text),
        QuestionTypes.Multi => ParseMulti(question, text),
        _ => ParseNumber(question, text),
    };

    private static ParsedAnswer ParseSingle(QuestionDefinition question, string text)
    {
        var found = FindOptions(question, text);
        return found.Count == 1 ? ParsedAnswer.Valid([found[0].Id]) : ParsedAnswer.Invalid(BotTexts.Reask(BotTexts.NotUnderstood, question));
    }

    /// <summary>"1,3", "1 3", "1;3", "đất đai, hộ tịch": each part must name exactly one option.</summary>
    private static ParsedAnswer ParseMulti(QuestionDefinition question, string text)
    {
        var parts = SelectionSeparator().Split(VietnameseText.Fold(text)).Where(p => p.Length > 0).ToList();
        var picked = parts.Select(part => FindOptions(question, part)).ToList();
        if (picked.Count == 0 || picked.Exists(found => found.Count != 1))
        {
            return ParsedAnswer.Invalid(BotTexts.Reask(BotTexts.NotUnderstood, question));
        }
        var ids = question.Options.Where(o => picked.Exists(found => found[0] == o)).Select(o => o.Id).ToList();
        var (min, max) = (question.Min ?? 1, question.Max ?? question.Options.Count);
        return ids.Count >= min && ids.Count <= max ? ParsedAnswer.Valid(ids) : ParsedAnswer.Invalid(BotTexts.Reask(BotTexts.SelectionCount(min, max), question));
    }

    private static ParsedAnswer ParseNumber(QuestionDefinition question, string text)
    {
        var valid = int.TryParse(VietnameseText.Fold(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= (question.Min ?? int.MinValue) && number <= (question.Max ?? int.MaxValue);
        return valid
            ? ParsedAnswer.Valid([number.ToString(CultureInfo.InvariantCulture)])
            : ParsedAnswer.Invalid(BotTexts.Reask(BotTexts.NotUnderstood, question));
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
