namespace ZaloBot.Sandbox;

public static class SandboxSetup
{
    /// <summary>Where the sandbox listens when no address is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SandboxState>();
        builder.Services.AddSingleton<SandboxTokens>();
        builder.Services.AddHttpClient("sandbox");
        return builder;
    }

    /// <summary>
    /// The sandbox signs events with published defaults and lets anyone chat as anyone, so it listens
    /// on this machine only, unless <c>Sandbox:AllowRemote</c> is true. No configured address means
    /// <see cref="DefaultUrl"/>; a configured one that other machines can reach stops the start.
    /// </summary>
    public static void ListenOnThisMachineUnlessAllowed(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue<bool>("Sandbox:AllowRemote"))
            return;
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();
        var ports = configuration["http_ports"] ?? configuration["https_ports"];
        if (urls.Count == 0 && string.IsNullOrWhiteSpace(ports))
        {
            builder.WebHost.UseUrls(DefaultUrl);
            return;
        }
        var remote = string.IsNullOrWhiteSpace(ports) ? urls.FirstOrDefault(u => !IsLoopback(u)) : "http_ports " + ports;
        if (remote is not null)
            throw new StartupConfigurationException(
                $"Sandbox mode listens on this machine only, but {remote} is configured: use an address like {DefaultUrl}, or set Sandbox:AllowRemote=true.");
    }

    /// <summary>Kestrel's wildcards (+, *) bind every address; Uri reads them as host names, so they are mapped first.</summary>
    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.IsLoopback;
}
