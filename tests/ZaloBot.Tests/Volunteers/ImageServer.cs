using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ZaloBot.Tests.Volunteers;

/// <summary>
/// Stands in for Zalo's photo servers: serves the bytes of each attachment URL over real HTTP on
/// 127.0.0.1, and redirects. One per test class (a class fixture); a service fetching from it needs
/// <see cref="Allowance"/>, since in production photos come only over https from Zalo's hosts.
/// </summary>
public sealed class ImageServer : IAsyncLifetime
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The settings that let the service fetch from this server: its host, over plain http, on this machine.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Allowance = new Dictionary<string, string?>
    {
        ["Zalo:MediaHosts:0"] = "127.0.0.1",
        ["Zalo:AllowHttpMedia"] = "true",
    };

    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly ConcurrentQueue<string> requested = new();
    private WebApplication app = null!;

    /// <summary>A URL that answers 404, like an expired attachment.</summary>
    public string Missing => app.Urls.First() + "/photos/expired.jpg";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Use((context, next) =>
        {
            requested.Enqueue(context.Request.Path.Value!);
            return next(context);
        });
        app.MapGet("/photos/{name}", (string name) =>
            files.TryGetValue(name, out var content) ? Results.Bytes(content, "image/jpeg") : Results.NotFound());
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        await app.StartAsync();
    }

    /// <summary>Serves <paramref name="content"/> and returns its URL.</summary>
    public string Serve(byte[] content)
    {
        var name = Guid.NewGuid().ToString("N") + ".jpg";
        files[name] = content;
        return app.Urls.First() + "/photos/" + name;
    }

    /// <summary>A URL that answers with a redirect to <paramref name="to"/>.</summary>
    public string Redirect(string to) => app.Urls.First() + "/redirect?to=" + Uri.EscapeDataString(to);

    /// <summary>How many requests reached the path of <paramref name="url"/>.</summary>
    public int RequestsFor(string url) => requested.Count(p => p == new Uri(url).AbsolutePath);

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
