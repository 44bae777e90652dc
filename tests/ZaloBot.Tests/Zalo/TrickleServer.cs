using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ZaloBot.Tests.Zalo;

/// <summary>
/// A server on 127.0.0.1 that answers every request at once with its headers, then sends the body
/// one byte every two seconds for as long as the client keeps reading: a hang unless the client
/// has a deadline that covers the body.
/// </summary>
public sealed class TrickleServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TrickleServer(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First();

    public static async Task<TrickleServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1_000_000;
            await context.Response.StartAsync();
            try
            {
                while (true)
                {
                    await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // the client gave up: what a deadline is for
            }
        });
        await app.StartAsync();
        return new TrickleServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
