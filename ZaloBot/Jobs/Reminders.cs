using Microsoft.Extensions.Options;
using Reporting;
using ZaloBot.Reports;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Jobs;

/// <summary>The afternoon reminder to the volunteers of each commune that has not reported visitors or photos today.</summary>
public sealed class Reminders(DailyFigures figures, IStaffStore staff, SurveyCatalog catalog, Outbox outbox, IOptions<DigestOptions> options, TimeProvider clock)
{
    /// <summary>Only on the survey's days; returns how many reminders were queued.</summary>
    public int Send()
    {
        var today = VietnamTime.DateOf(clock.GetUtcNow());
        var (opens, closes) = figures.Window;
        if (today < opens || today > closes)
            return 0;
        var sent = 0;
        foreach (var day in figures.Days(today, today).Where(d => d.Visitors is null || d.Photos == 0))
        {
            var text = StaffTexts.Reminder(catalog.Describe(day.CommuneCode), day.Visitors is null, day.Photos == 0, options.Value.DigestAt);
            foreach (var member in staff.OfCommune(day.CommuneCode))
            {
                outbox.SendText(staff.UserIdOf(member), text);
                sent++;
            }
        }
        return sent;
    }
}
