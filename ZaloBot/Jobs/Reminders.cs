using Microsoft.Extensions.Options;
using Reporting;
using ZaloBot.Reports;
using ZaloBot.Storage;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Jobs;

/// <summary>
/// The afternoon reminder to the volunteers of each commune that has not reported visitors or photos
/// today, and to the working group about the communes nobody has registered for; all queued in one
/// transaction.
/// </summary>
public sealed class Reminders(DailyFigures figures, IStaffStore staff, SurveyCatalog catalog, Outbox outbox, DigestRuns runs, IUnitOfWork unit, IOptions<DigestOptions> options, TimeProvider clock)
{
    /// <summary>Only on the survey's days and once a day, whichever instance runs it first; returns how many reminders were queued.</summary>
    public int Send()
    {
        var today = VietnamTime.DateOf(clock.GetUtcNow());
        var (opens, closes) = figures.Window;
        if (today < opens || today > closes)
            return 0;
        var messages = new List<(string UserId, string Text)>();
        foreach (var day in figures.Days(today, today).Where(d => d.Visitors is null || d.Photos == 0))
        {
            var text = StaffTexts.Reminder(catalog.Describe(day.CommuneCode), day.Visitors is null, day.Photos == 0, options.Value.DigestAt);
            messages.AddRange(staff.OfCommune(day.CommuneCode).Where(member => !member.Disabled).Select(member => (staff.UserIdOf(member), text)));
        }
        var staffed = staff.All().Where(m => !m.Disabled).Select(m => m.CommuneCode).ToHashSet();
        var toGroup = options.Value.GroupId is { Length: > 0 } group
            ? StaffTexts.GroupReminder(catalog.Communes.Where(c => !staffed.Contains(c.Code)).ToList(), options.Value.DigestAt) is { } reminder ? (group, reminder) : default
            : default;
        var sent = unit.Run(() =>
        {
            if (!runs.TryClaimReminder(today))
                return false;
            foreach (var (userId, text) in messages)
                outbox.SendText(userId, text);
            if (toGroup.group is not null)
                outbox.SendGroupText(toGroup.group, toGroup.reminder);
            return true;
        });
        return sent ? messages.Count + (toGroup.group is null ? 0 : 1) : 0;
    }
}
