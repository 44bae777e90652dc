using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ZaloBot.Operations;

public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> to other machines too; off, only to requests made on this one (not forwarded by a proxy).</summary>
    public bool AllowRemote { get; set; }
}

public static class OperationsSetup
{
    /// <summary>What an operator watches and uses: health limits, metrics (OpenTelemetry, Prometheus format), the failed messages.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthOptions>().BindConfiguration("Health");
        services.AddOptions<MetricsOptions>().BindConfiguration("Metrics");
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<FailedMessages>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(ServiceMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary><c>/metrics</c> in Prometheus's text format; to anyone else than this machine it is not there (404) unless <c>Metrics:AllowRemote</c>.</summary>
    public static void UseMetrics(this WebApplication app)
    {
        var allowRemote = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowRemote;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == "/metrics" && (allowRemote || LocalOnly.IsLocal(http)));
    }
}
