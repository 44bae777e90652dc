using Microsoft.Extensions.Options;
using Reporting.Quota;
using ZaloBot.Conversation;
using ZaloBot.Jobs;
using ZaloBot.Operations;
using ZaloBot.Dashboard;
using ZaloBot.Posters;
using ZaloBot.Reports;
using ZaloBot.Sandbox;
using ZaloBot.Storage;
using ZaloBot.Storage.LiteDb;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot;

/// <summary>The service's table of contents: what it is made of and which routes it answers.</summary>
public static class ZaloBotApp
{
    /// <param name="configure">Lets tests replace services (the clock) before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        NativeHeap.FixMmapThreshold();
        // The root appsettings.json travels with the build output, so read configuration from there.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var mode = ZaloOptions.ModeFrom(builder.Configuration);
        if (mode == ZaloMode.Sandbox)
            builder.ListenOnThisMachineUnlessAllowed();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();

        builder.AddStorage();
        builder.AddZalo();
        builder.AddSurvey();
        builder.AddVolunteerStores();
        builder.AddVolunteers();
        builder.AddJobs();
        builder.AddSandbox();
        builder.AddPosters();
        builder.AddDashboard();
        builder.AddOperations();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders();
        // A failure answers a bare ProblemDetails 500; what went wrong goes to the log, never to the caller.
        app.UseExceptionHandler();
        app.UseRateLimiter();
        app.UseMetrics();
        app.MapHealth();
        app.MapAdmin();
        app.MapZaloWebhook();
        app.MapDashboard();
        if (mode == ZaloMode.Sandbox)
            app.MapSandbox();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            AnnounceAddress(app);
            // Offline commands (backup, outbox) find the running service through the data file's lock.
            app.Services.GetService<LiteStore>()?.Owner.RecordAddress(app.Services.GetRequiredService<ZaloBaseUrls>().Self);
        });
        return app;
    }

    /// <summary>
    /// Runs until stopped, or runs an operator's command (<c>qr</c>, <c>report</c>, <c>storage copy</c>, …) and exits; a configuration error ends the
    /// start with one clear line.
    /// </summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Error);

    /// <param name="error">Where the one line about a configuration error goes (standard error).</param>
    internal static Task<int> RunAsync(string[] args, TextWriter error) => RunAsync(args, Console.Out, error);

    /// <param name="output">Where the operator's commands print what they found (standard output).</param>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args is ["roster", "import", var file, .. var settings])
                return RosterImport.RunCommand(file, settings);
            if (args is [QrCommand.Name, .. var qrArgs])
                return QrCommand.Run(qrArgs, configuration => Build(configuration), output, error);
            if (args is [ReportCommand.Name, .. var reportArgs])
                return ReportCommand.Run(reportArgs, configuration => Build(configuration), output, error);
            if (args is ["outbox", .. var outboxArgs])
                return await OperatorCommands.OutboxAsync(outboxArgs, configuration => Build(configuration), output, error);
            if (args is [StorageCopyCommand.Name, .. var storageArgs])
                return StorageCopyCommand.Run(storageArgs, configuration => Build(configuration), output, error);
            if (args is ["backup", .. var backupArgs])
                return await OperatorCommands.BackupAsync(backupArgs, configuration => Build(configuration), output, error);
            var app = Build(args);
            // Check the configuration and the survey file before the host starts and logs a stack trace.
            _ = app.Services.GetRequiredService<IOptions<ZaloOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<QuotaOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<PosterOptions>>().Value;
            _ = app.Services.GetRequiredService<SurveyCatalog>();
            _ = app.Services.GetRequiredService<IUnitOfWork>();
            app.Services.GetRequiredService<LiveModeGuard>().Check();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            error.WriteLine("Configuration error: " + string.Join(" ", e.Failures));
            return 2;
        }
        catch (StartupConfigurationException e)
        {
            error.WriteLine("Configuration error: " + e.Message);
            return 2;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // e.g. "Failed to convert configuration value at 'Zalo:CallTimeout' to type 'System.TimeSpan'."
            error.WriteLine("Configuration error: " + e.Message);
            return 2;
        }
        catch (StorageStartException e)
        {
            error.WriteLine("Storage error: " + e.Message);
            return 2;
        }
        catch (SurveyDefinitionException e)
        {
            error.WriteLine("Survey file error: " + e.Message);
            return 2;
        }
    }

    /// <summary>Ready once both workers run (they only start after the database has opened) and while neither queue falls behind.</summary>
    private static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", (InboxWorker inbox, OutboxWorker outbox, IOptions<HealthOptions> options, TimeProvider clock) =>
        {
            var verdict = ServiceHealth.Check(inbox, outbox, options.Value, clock);
            return verdict.Healthy
                ? Results.Ok(new { status = verdict.Status })
                : Results.Json(new { status = verdict.Status, reason = verdict.Reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });

    /// <summary>One line per component (the workers log their own), so the start reads as a short list.</summary>
    private static void AnnounceAddress(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ZaloOptions>>().Value;
        var self = app.Services.GetRequiredService<ZaloBaseUrls>().Self;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZaloBot");
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.LiteDb)
            logger.LogInformation("Storage: LiteDB data file {Path}, keys in {Keys}", storage.FullPath, storage.FullKeysPath);
        else
            logger.LogInformation("Storage: PostgreSQL");
        var digest = app.Services.GetRequiredService<IOptions<DigestOptions>>().Value;
        logger.LogInformation("Jobs: reminder at {Reminder}, digest at {Digest} (Asia/Ho_Chi_Minh)", digest.ReminderTime, digest.Time);
        logger.LogInformation("Metrics: {Url}/metrics, {Who}", self,
            app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowRemote ? "open to other machines (Metrics:AllowRemote)" : "for this machine only");
        if (options.Mode == ZaloMode.Sandbox)
            logger.LogInformation("Sandbox mode: open {Url}/sandbox to chat with the bot as a Zalo user.", self);
        else
            logger.LogInformation("Live mode: Zalo delivers events to {Url}/zalo/webhook (behind your HTTPS domain).", self);
    }
}
