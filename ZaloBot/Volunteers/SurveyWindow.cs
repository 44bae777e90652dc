using ZaloBot.Survey;

namespace ZaloBot.Volunteers;

internal static class SurveyWindow
{
    /// <summary>The survey's first and last Vietnam days: the days volunteers report for.</summary>
    public static (DateOnly Opens, DateOnly Closes) SurveyDays(this SurveyCatalog catalog) =>
        (DateOnly.FromDateTime(catalog.Definition.OpensAt), DateOnly.FromDateTime(catalog.Definition.ClosesAt));

    /// <summary>Why nothing can be reported today (the survey has not started or has ended), or null on a survey day.</summary>
    public static string? OutsideSurvey(this SurveyCatalog catalog, DateOnly today)
    {
        var (opens, closes) = catalog.SurveyDays();
        return today < opens ? StaffTexts.NotStarted(opens, closes)
            : today > closes ? StaffTexts.Ended(closes)
            : null;
    }
}
