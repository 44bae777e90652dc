using Microsoft.Extensions.DependencyInjection;
using Reporting;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Dashboard;

/// <summary>Figures written straight into the stores, as volunteers and citizens would have left them.</summary>
internal static class DashboardSeed
{
    /// <summary>The shipped survey with its window moved to <paramref name="opens"/>–<paramref name="closes"/>, in a file of its own.</summary>
    public static string SurveyFile(DateOnly opens, DateOnly closes) =>
        SurveyFiles.Window($"{opens:yyyy-MM-dd}T00:00:00", $"{closes:yyyy-MM-dd}T23:59:59");

    /// <summary>A district official registered with the bot; returns their login name.</summary>
    public static string Official(IServiceProvider services, string userId) =>
        services.GetRequiredService<IStaffStore>().Register(userId, StaffRole.District, null, DateTime.UtcNow).LoginName;

    public static void Visitors(IServiceProvider services, string commune, DateOnly day, int visitors) =>
        services.GetRequiredService<VisitorCounts>().Report(commune, day, visitors, "seed", DateTime.UtcNow);

    /// <summary>
    /// <paramref name="count"/> responses at the commune, submitted that Vietnam day at 09:00 and
    /// after <paramref name="seconds"/> each, all answering "Nam", "Có" and "Hài lòng" overall.
    /// </summary>
    public static void Responses(IServiceProvider services, string commune, DateOnly day, int count, int seconds = 300, params string[] flags)
    {
        var store = services.GetRequiredService<IResponseStore>();
        var survey = services.GetRequiredService<SurveyCatalog>().Definition.Id;
        var submitted = VietnamTime.StartOfDayUtc(day).AddHours(9);
        for (var i = 0; i < count; i++)
            Assert.True(store.TryAdd(new StoredResponse
            {
                SurveyId = survey,
                RespondentKey = Guid.NewGuid().ToString("N"),
                CommuneCode = commune,
                Answers = new() { ["sex"] = ["nam"], ["knows"] = ["co"], ["overall"] = ["2"], ["comment"] = [$"Ý kiến số {i + 1} ở {commune}"] },
                StartedAt = submitted.AddSeconds(-seconds),
                SubmittedAt = submitted,
                DurationSeconds = seconds,
                QualityFlags = [.. flags],
            }));
    }
}
