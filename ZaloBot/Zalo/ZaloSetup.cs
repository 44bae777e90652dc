using Microsoft.Extensions.Options;
using ZaloBot.Webhook;

namespace ZaloBot.Zalo;

public static class ZaloSetup
{
    /// <summary>Options, the Zalo client and token store, the inbox and outbox with their workers.</summary>
    public static IHostApplicationBuilder AddZalo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ZaloOptions>().BindConfiguration("Zalo")
            .PostConfigure(o =>
            {
                o.ApplySandboxDefaults();
                if (o.MediaHosts.Count == 0)
                    o.MediaHosts.AddRange(ZaloOptions.DefaultMediaHosts);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        // The client's own deadline (Zalo:CallTimeout) covers the body too, which HttpClient.Timeout does not.
        services.AddHttpClient("zalo", c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient(ZaloClient.MediaClient, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // each hop is checked against Zalo:MediaHosts
                ConnectCallback = MediaAddresses.ConnectAsync,
                UseCookies = false,
            });

        // First of the hosted services: nothing runs on data that a wrong mode would expose.
        services.AddSingleton<LiveModeGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveModeGuard>());
        services.AddSingleton<ZaloBaseUrls>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<OutboundLimit>();
        services.AddSingleton<ZaloClient>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<InboxIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxIntake>());
        services.AddSingleton<EventDispatcher>();
        services.AddSingleton<InboxWorker>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return builder;
    }
}
