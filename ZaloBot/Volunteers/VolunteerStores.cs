using ZaloBot.Reports;

namespace ZaloBot.Volunteers;

public static class VolunteerStores
{
    /// <summary>The stores of the working group's data and the daily figures read from them.</summary>
    public static IHostApplicationBuilder AddVolunteerStores(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StaffStore>();
        builder.Services.AddSingleton<VisitorCounts>();
        builder.Services.AddSingleton<PhotoReports>();
        builder.Services.AddSingleton<Roster>();
        builder.Services.AddSingleton<DailyFigures>();
        return builder;
    }
}
