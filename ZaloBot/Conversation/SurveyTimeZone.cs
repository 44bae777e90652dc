namespace ZaloBot.Conversation;

/// <summary>
/// The survey file's dates and the desk hours are Vietnam time; the engine compares instants. Internal and named apart
/// from the service's VietnamTime so that code importing both namespaces stays unambiguous.
/// </summary>
internal static class SurveyTimeZone
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Vietnam.GetUtcOffset(local));

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Vietnam).DateTime;
}
