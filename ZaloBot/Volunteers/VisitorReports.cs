using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reporting;
using Reporting.Quota;
using ZaloBot.Conversation;
using ZaloBot.Survey;
using ZaloBot.Zalo;

namespace ZaloBot.Volunteers;

/// <summary>
/// LUOT: a count names its day, today unless another is written ("LUOT 25 ngày 12/06", "LUOT 25 hôm
/// qua"); outside the survey's days nothing is reported. A count for a past survey day, or far above the commune's usual, is repeated back and
/// stored only after the volunteer answers 1; the question waits on the staff member's record, so a
/// restart does not lose it. Days outside the survey, future days and counts outside
/// 0..<see cref="QuotaOptions.MaxDailyVisitors"/> are refused and nothing is stored.
/// </summary>
public sealed partial class VisitorReports(
    VisitorCounts visitors,
    IStaffStore staff,
    SurveyCatalog catalog,
    Outbox outbox,
    IOptions<QuotaOptions> quota,
    TimeProvider clock)
{
    /// <summary>How many of the commune's latest reported days make its usual, and how many it needs at least.</summary>
    private const int UsualDays = 7;
    private const int UsualDaysNeeded = 3;

    /// <summary>A count above this many times the commune's usual is asked about before it is stored.</summary>
    private const int UnusualFactor = 3;

    private static readonly HashSet<string> Yes = ["1", "co", "da", "dong y", "ok", "xac nhan", "dung", "vang", "u", "uh"];
    private static readonly HashSet<string> No = ["2", "khong", "ko", "k", "huy", "sai", "thoi"];

    public void Report(StaffSender sender, StaffCommand command)
    {
        var commune = sender.Member.CommuneCode!;
        var today = Today;
        if (catalog.OutsideSurvey(today) is { } closed)
            Reply(sender, closed);
        else if (command.Number is not { } count || count > quota.Value.MaxDailyVisitors)
            Reply(sender, StaffTexts.VisitorsUsage(quota.Value.MaxDailyVisitors));
        else if (!TryReadDay(command.Words.Skip(1).ToList(), today, out var day))
            Reply(sender, StaffTexts.VisitorsUsage(quota.Value.MaxDailyVisitors));
        else if (!AllowedDays(today).Contains(day))
            Reply(sender, StaffTexts.DayNotAllowed(day, AllowedDays(today)));
        else
            Decide(sender, commune, today, day, count);
    }

    /// <summary>The answer to "Gửi 1 để xác nhận, 2 để hủy": the count is checked again, as the day may have moved on.</summary>
    public void Answer(StaffSender sender, string text)
    {
        var pending = sender.Member.PendingCount!;
        var commune = sender.Member.CommuneCode!;
        var answer = Regex.Replace(VietnameseText.Fold(text), @"[^\p{L}\p{N} ]", "").Trim();
        answer = Particle().Replace(answer, "").Trim();
        if (!Yes.Contains(answer) && !No.Contains(answer))
        {
            Reply(sender, StaffTexts.ConfirmAgain(catalog.Describe(commune), pending));
            return;
        }

        sender.Member.PendingCount = null;
        staff.Update(sender.Member);
        var day = DateOnly.FromDateTime(pending.Date);
        if (No.Contains(answer))
            Reply(sender, StaffTexts.CountDropped);
        else if (catalog.OutsideSurvey(Today) is { } closed)
            Reply(sender, closed);
        else if (!AllowedDays(Today).Contains(day))
            Reply(sender, StaffTexts.DayNotAllowed(day, AllowedDays(Today)));
        else
            Record(sender, commune, day, pending.Visitors);
    }

    private DateOnly Today => VietnamTime.DateOf(clock.GetUtcNow());

    /// <summary>Today's usual count is stored at once; a past day's, or one far above the commune's usual, is asked about first.</summary>
    private void Decide(StaffSender sender, string commune, DateOnly today, DateOnly day, int count)
    {
        var pastDay = day != today;
        var usual = Usual(commune, day);
        var unusual = usual is { } u && count > UnusualFactor * u;
        if (pastDay || unusual)
            Ask(sender, commune, day, count, pastDay, unusual ? usual : null);
        else
            Record(sender, commune, day, count);
    }

    private void Ask(StaffSender sender, string commune, DateOnly day, int count, bool pastDay, int? usual)
    {
        sender.Member.PendingCount = new PendingVisitorCount
        {
            Date = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Visitors = count,
            AskedAt = clock.GetUtcNow().UtcDateTime,
        };
        staff.Update(sender.Member);
        Reply(sender, StaffTexts.ConfirmCount(catalog.Describe(commune), day, count, pastDay, usual));
    }

    private void Record(StaffSender sender, string commune, DateOnly day, int count)
    {
        var recorded = visitors.Report(commune, day, count, sender.Member.Key, clock.GetUtcNow().UtcDateTime);
        Reply(sender, StaffTexts.VisitorsRecorded(catalog.Describe(commune), recorded));
    }

    /// <summary>The survey's days up to today: the only days a count may be for.</summary>
    private IReadOnlyList<DateOnly> AllowedDays(DateOnly today)
    {
        var (opens, closes) = catalog.SurveyDays();
        var last = today < closes ? today : closes;
        return Enumerable.Range(0, Math.Max(0, last.DayNumber - opens.DayNumber + 1)).Select(opens.AddDays).ToList();
    }

    /// <summary>The median of the commune's latest reported days before <paramref name="day"/>; null with too few of them.</summary>
    private int? Usual(string commune, DateOnly day)
    {
        var (opens, _) = catalog.SurveyDays();
        var reported = visitors.Between(opens, day.AddDays(-1), commune)
            .OrderByDescending(x => x.Key.Day).Take(UsualDays).Select(x => x.Value).Order().ToList();
        if (reported.Count < UsualDaysNeeded)
            return null;
        var middle = reported.Count / 2;
        return reported.Count % 2 == 1 ? reported[middle] : (reported[middle - 1] + reported[middle]) / 2;
    }

    /// <summary>
    /// The day written after the number: none (today), "hom qua" (yesterday), or "[ngay] 12/06[/2024]"
    /// (also with "-" or "."); false when a day is written but cannot be read.
    /// </summary>
    private static bool TryReadDay(IReadOnlyList<string> words, DateOnly today, out DateOnly day)
    {
        day = today;
        var text = string.Join(' ', words);
        if (text.Contains("hom nay", StringComparison.Ordinal))
            return true;
        if (text.Contains("hom qua", StringComparison.Ordinal))
        {
            day = today.AddDays(-1);
            return true;
        }
        if (WrittenDate().Match(text) is not { Success: true } date)
            return !text.Contains("ngay", StringComparison.Ordinal);
        var year = date.Groups["year"].Success ? int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
        year = year < 100 ? 2000 + year : year;
        return DateOnly.TryParseExact(
            $"{date.Groups["day"].Value.PadLeft(2, '0')}/{date.Groups["month"].Value.PadLeft(2, '0')}/{year:0000}",
            "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private void Reply(StaffSender sender, string text) => outbox.SendText(sender.UserId, text);

    [GeneratedRegex(@"(?<![0-9])(?<day>[0-9]{1,2})[/.\-](?<month>[0-9]{1,2})(?:[/.\-](?<year>[0-9]{2}|[0-9]{4}))?(?![0-9])")]
    private static partial Regex WrittenDate();

    /// <summary>The polite particles around a short answer: "dạ 1 ạ", "vâng ạ".</summary>
    [GeneratedRegex(@"^(da |vang |thua )|( a| nhe| nha)$")]
    private static partial Regex Particle();
}
