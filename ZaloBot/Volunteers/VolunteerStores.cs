using Reporting.Quota;
using ZaloBot.Reports;

namespace ZaloBot.Volunteers;

public static class VolunteerStores
{
    /// <summary>The stores of the working group's data, the daily figures read from them, and the quota rule they are judged by.</summary>
    public static IHostApplicationBuilder AddVolunteerStores(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<VisitorCounts>();
        builder.Services.AddSingleton<PhotoReports>();
        builder.Services.AddSingleton<Roster>();
        builder.Services.AddSingleton<DailyFigures>();
        return builder;
    }
}
