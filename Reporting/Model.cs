namespace Reporting;

/// <summary>A commune or town of the survey, as the survey file names it.</summary>
public sealed record Commune(string Code, string Name);

/// <summary>
/// One commune on one day (Asia/Ho_Chi_Minh date): the figures the working group reports to QCDC.
/// <paramref name="Visitors"/> is null until a volunteer has reported the desk's count.
/// </summary>
public sealed record CommuneDay(
    string CommuneCode,
    DateOnly Date,
    int? Visitors,
    int Respondents,
    int Photos,
    IReadOnlyList<string> OnDuty);

/// <summary>One question as the survey defines it, enough to tally and export answers.</summary>
public sealed record QuestionInfo(string Id, string Text, string Type, IReadOnlyList<OptionInfo> Options);

public sealed record OptionInfo(string Id, string Text);

/// <summary>
/// One submitted, anonymous response. Answers map a question id to the chosen option ids
/// (single/multi) or to one free text / number (text/number), as strings.
/// </summary>
public sealed record ResponseRecord(
    string ResponseId,
    string CommuneCode,
    DateTimeOffset StartedAt,
    DateTimeOffset SubmittedAt,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    IReadOnlyList<string> QualityFlags);

/// <summary>
/// How many of a commune's respondents chose an option of a question; with an empty
/// <paramref name="OptionId"/>, how many answered the question at all.
/// </summary>
public sealed record TallyCount(string CommuneCode, string QuestionId, string OptionId, int Count);
