using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ZaloBot.Tests.Volunteers;

/// <summary>
/// Stands in for Zalo's photo servers: serves the bytes of each attachment URL over real HTTP on
/// 127.0.0.1. One per test class (a class fixture).
/// </summary>
public sealed class ImageServer : IAsyncLifetime
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private WebApplication app = null!;

    /// <summary>A URL that answers 404, like an expired attachment.</summary>
    public string Missing => app.Urls.First() + "/photos/expired.jpg";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/photos/{name}", (string name) =>
            files.TryGetValue(name, out var content) ? Results.Bytes(content, "image/jpeg") : Results.NotFound());
        await app.StartAsync();
    }

    /// <summary>Serves <paramref name="content"/> and returns its URL.</summary>
    public string Serve(byte[] content)
    {
        var name = Guid.NewGuid().ToString("N") + ".jpg";
        files[name] = content;
        return app.Urls.First() + "/photos/" + name;
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
