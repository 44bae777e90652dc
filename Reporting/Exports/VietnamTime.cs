namespace Reporting.Exports;

/// <summary>Every date and time a person reads in an export is Asia/Ho_Chi_Minh.</summary>
internal static class VietnamTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));
}
