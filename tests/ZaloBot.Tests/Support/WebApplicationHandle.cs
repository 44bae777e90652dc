using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ZaloBot.Tests.Support;

/// <summary>The service on its embedded defaults (sandbox mode), on 127.0.0.1 with its own data folder.</summary>
public sealed class WebApplicationHandle : IAsyncDisposable
{
    private readonly string dataDir;

    private WebApplicationHandle(WebApplication app, string dataDir)
    {
        App = app;
        this.dataDir = dataDir;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<WebApplicationHandle> StartSandboxAsync(params string[] extraArgs)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N"));
        var app = ZaloBotApp.Build(["--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(dataDir, "survey.db")}", "--Logging:LogLevel:Default=Warning",
            $"--Survey:DefinitionPath={SurveyFiles.AroundToday}", .. extraArgs]);
        await app.StartAsync();
        return new WebApplicationHandle(app, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // left to the OS's temp cleaning
        }
    }
}
