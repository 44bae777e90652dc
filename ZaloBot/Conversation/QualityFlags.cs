using Reporting;
namespace ZaloBot.Conversation;

/// <summary>Marks on a response worth a second look in the reports; recorded, never used to reject.</summary>
public static class QualityFlags
{
    public const string TooFast = "too_fast";
    public const string OutsideDeskHours = "outside_desk_hours";

    public static List<string> For(DateTimeOffset startedAt, DateTimeOffset submittedAt, SurveyEngineOptions options)
    {
        var flags = new List<string>();
        if (submittedAt - startedAt < TimeSpan.FromSeconds(options.TooFastSeconds))
        {
            flags.Add(TooFast);
        }
        var deskTime = TimeOnly.FromDateTime(VietnamTime.ToLocal(submittedAt).DateTime);
        if (deskTime < options.DeskOpensAt || deskTime > options.DeskClosesAt)
        {
            flags.Add(OutsideDeskHours);
        }
        return flags;
    }
}
