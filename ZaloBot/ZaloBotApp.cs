using Microsoft.Extensions.Options;
using Reporting.Quota;
using ZaloBot.Conversation;
using ZaloBot.Jobs;
using ZaloBot.Dashboard;
using ZaloBot.Posters;
using ZaloBot.Sandbox;
using ZaloBot.Storage;
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
        // The root appsettings.json travels with the build output, so read configuration from there.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddStorage();
        builder.AddZalo();
        builder.AddSurvey();
        builder.AddVolunteerStores();
        builder.AddVolunteers();
        builder.AddJobs();
        builder.AddSandbox();
        builder.AddPosters();
        builder.AddDashboard();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealth();
        app.MapZaloWebhook();
        app.MapDashboard();
        if (builder.Configuration.GetValue("Zalo:Mode", ZaloMode.Sandbox) == ZaloMode.Sandbox)
            app.MapSandbox();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddress(app));
        return app;
    }

    /// <summary>
    /// Runs until stopped, or runs the <c>qr</c> command and exits; a configuration error ends the
    /// start with one clear line.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args is ["roster", "import", var file, .. var settings])
                return RosterImport.RunCommand(file, settings);
            if (args is [QrCommand.Name, .. var qrArgs])
                return QrCommand.Run(qrArgs, configuration => Build(configuration), Console.Out, Console.Error);
            var app = Build(args);
            // Check the configuration and the survey file before the host starts and logs a stack trace.
            _ = app.Services.GetRequiredService<IOptions<ZaloOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<QuotaOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<PosterOptions>>().Value;
            _ = app.Services.GetRequiredService<SurveyCatalog>();
            _ = app.Services.GetRequiredService<IUnitOfWork>();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine("Configuration error: " + string.Join(" ", e.Failures));
            return 2;
        }
        catch (StorageStartException e)
        {
            Console.Error.WriteLine("Storage error: " + e.Message);
            return 2;
        }
        catch (SurveyDefinitionException e)
        {
            Console.Error.WriteLine("Survey file error: " + e.Message);
            return 2;
        }
    }

    /// <summary>Ready once both workers run; they only start after the database has opened.</summary>
    private static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", (InboxWorker inbox, OutboxWorker outbox) =>
            inbox.Running && outbox.Running
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));

    private static void AnnounceAddress(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ZaloOptions>>().Value;
        var self = app.Services.GetRequiredService<ZaloBaseUrls>().Self;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZaloBot");
        if (options.Mode == ZaloMode.Sandbox)
            logger.LogInformation("Sandbox mode: open {Url}/sandbox to chat with the bot as a Zalo user.", self);
        else
            logger.LogInformation("Live mode: Zalo delivers events to {Url}/zalo/webhook (behind your HTTPS domain).", self);
    }
}
