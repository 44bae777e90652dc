using Reporting;

namespace ZaloBot.Dashboard;

internal static class VietnamToday
{
    /// <summary>"Today" on the dashboard is the Vietnam calendar day, wherever the server runs.</summary>
    public static DateOnly Today(this TimeProvider clock) => VietnamTime.DateOf(clock.GetUtcNow());
}
