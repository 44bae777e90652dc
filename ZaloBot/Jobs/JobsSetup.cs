using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting;
using Reporting.Quota;

namespace ZaloBot.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// The digest and the reminder, scheduled with Quartz in Asia/Ho_Chi_Minh whatever the machine's
    /// zone, and the quota rule's thresholds they (and TIENDO) judge with.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DigestOptions>().BindConfiguration("Digest").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DigestReport>();
        services.AddSingleton<DigestRuns>();
        services.AddSingleton<DigestDelivery>();
        services.AddSingleton<Reminders>();

        builder.AddQuartz(q =>
        {
            q.ScheduleJob<DigestJob>(
                (sp, trigger) => trigger.WithIdentity(DigestJob.Daily).WithSchedule(DigestChecks(Options(sp).DigestAt)),
                (_, job) => job.WithIdentity(DigestJob.Key));
            q.AddTrigger(trigger => trigger.WithIdentity(DigestJob.AtStartup).ForJob(DigestJob.Key).StartNow());
            q.ScheduleJob<ReminderJob>(
                (sp, trigger) => trigger.WithIdentity(ReminderJob.Daily).WithSchedule(DailyAt(Options(sp).ReminderAt)),
                (_, job) => job.WithIdentity(ReminderJob.Key));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>At <paramref name="time"/>, then every 15 minutes until midnight.</summary>
    public static CronScheduleBuilder DigestChecks(TimeOnly time) =>
        Cron($"0 {time.Minute}/15 {time.Hour}-23 * * ?");

    public static CronScheduleBuilder DailyAt(TimeOnly time) => Cron($"0 {time.Minute} {time.Hour} * * ?");

    private static CronScheduleBuilder Cron(FormattableString expression) =>
        CronScheduleBuilder.Create(expression.ToString(CultureInfo.InvariantCulture)).InTimeZone(VietnamTime.Zone);

    private static DigestOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DigestOptions>>().Value;
}
