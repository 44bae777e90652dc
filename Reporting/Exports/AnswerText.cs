namespace Reporting.Exports;

/// <summary>How one answer reads in an export: option texts, or the citizen's own text.</summary>
internal static class AnswerText
{
    /// <summary>
    /// Option ids become their texts, several joined with "; ". An id the survey file no longer
    /// lists is kept as it is, so that an edited survey does not silently blank old answers.
    /// </summary>
    public static string Of(QuestionInfo question, ResponseRecord response)
    {
        if (!response.Answers.TryGetValue(question.Id, out var values))
        {
            return "";
        }

        return string.Join("; ", values.Select(value =>
            question.Options.FirstOrDefault(o => o.Id == value)?.Text ?? value)).Trim();
    }
}
