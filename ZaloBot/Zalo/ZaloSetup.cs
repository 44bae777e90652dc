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
            .PostConfigure(o => o.ApplySandboxDefaults())
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        services.AddHttpClient("zalo", c => c.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<ZaloBaseUrls>();
        services.AddSingleton<TokenStore>();
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
