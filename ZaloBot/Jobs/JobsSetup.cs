using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting;
using Reporting.Quota;
using ZaloBot.Storage;
using ZaloBot.Storage.Postgres;

namespace ZaloBot.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// How often an instance records in the database that its scheduler is alive. An instance silent
    /// for this plus <see cref="CheckinMisfireThreshold"/> is taken for dead, and another runs the
    /// job it left unfinished: within about half a minute.
    /// </summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The digest and the reminder, scheduled with Quartz in Asia/Ho_Chi_Minh whatever the machine's
    /// zone, and the quota rule's thresholds they (and TIENDO) judge with. On LiteDB the schedule
    /// lives in memory; on PostgreSQL the instances share one clustered scheduler in the database,
    /// so a job fires on one of them, and one that dies mid-job leaves it to another.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DigestOptions>().BindConfiguration("Digest").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DigestReport>();
        services.AddSingleton<DigestRuns>();
        services.AddSingleton<DigestDelivery>();
        services.AddSingleton<Reminders>();

        var clustered = builder.Configuration.GetSection("Storage").Get<StorageOptions>()?.Provider == StorageProvider.Postgres;
        builder.AddQuartz(q =>
        {
            if (clustered)
                q.UseClusteredStore();
            q.ScheduleJob<DigestJob>(
                (sp, trigger) => trigger.WithIdentity(DigestJob.Daily).WithSchedule(DigestChecks(Options(sp).DigestAt)),
                (_, job) => job.WithIdentity(DigestJob.Key).RequestRecovery());
            q.AddTrigger(trigger => trigger.WithIdentity(DigestJob.AtStartup).ForJob(DigestJob.Key).StartNow());
            q.ScheduleJob<ReminderJob>(
                (sp, trigger) => trigger.WithIdentity(ReminderJob.Daily).WithSchedule(DailyAt(Options(sp).ReminderAt)),
                (_, job) => job.WithIdentity(ReminderJob.Key).RequestRecovery());
        });
        if (clustered)
        {
            // Every instance schedules the same jobs at start: the last one to start writes them over
            // (a changed Digest:Time takes effect), none fails on finding them there.
            services.Configure<QuartzOptions>(o => o.Scheduling.OverwriteExistingData = true);
        }
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>
    /// Quartz's job store in the service's PostgreSQL database, clustered. It borrows the stores'
    /// connection pool, whose creation creates the schema (the qrtz_ tables included) under the
    /// schema lock: the scheduler cannot touch the database before its tables exist.
    /// </summary>
    private static void UseClusteredStore(this IQuartzBuilder q)
    {
        q.ConfigureScheduler(o => o.GenerateInstanceId = true); // instance id AUTO: host name and start time
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(o => o.DataSourceFactory = sp => sp.GetRequiredService<PgStore>().DataSource);
            store.UseClustering(o =>
            {
                o.CheckinInterval = CheckinInterval;
                o.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
            store.UseSystemTextJsonSerializer();
        });
    }

    /// <summary>At <paramref name="time"/>, then every 15 minutes until midnight.</summary>
    public static CronScheduleBuilder DigestChecks(TimeOnly time) =>
        Cron($"0 {time.Minute}/15 {time.Hour}-23 * * ?");

    public static CronScheduleBuilder DailyAt(TimeOnly time) => Cron($"0 {time.Minute} {time.Hour} * * ?");

    private static CronScheduleBuilder Cron(FormattableString expression) =>
        CronScheduleBuilder.Create(expression.ToString(CultureInfo.InvariantCulture)).InTimeZone(VietnamTime.Zone);

    private static DigestOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DigestOptions>>().Value;
}
