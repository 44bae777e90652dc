using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Support;

/// <summary>
/// The real service, started on 127.0.0.1 in Live mode against a <see cref="FakeZaloServer"/>,
/// with its data in a folder of its own (kept across <see cref="RestartAsync"/>).
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string AppId = "3608465248940903967";
    public const string OaId = "388613280878808645";
    public const string OaSecret = "Kx9fQ2LmZp7Rt4Vw8Yb1";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<WebApplicationBuilder>? configure;
    private int msgSeq;

    private BotHost(string dataDir, Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure)
    {
        DataDir = dataDir;
        this.settings = settings;
        this.configure = configure;
    }

    public string DataDir { get; }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string BaseUrl => App.Urls.First();

    public IServiceProvider Services => App.Services;

    public static Task<BotHost> StartAsync(
        FakeZaloServer zalo, IDictionary<string, string?>? extra = null, Action<WebApplicationBuilder>? configure = null, bool start = true, string? dataDir = null)
    {
        dataDir ??= NewDataDir();
        var settings = Settings(zalo, dataDir);
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
            settings[k] = v;
        return new BotHost(dataDir, settings, configure).BootAsync(start);
    }

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The settings of a test service: Live mode against <paramref name="zalo"/>, its data in
    /// <paramref name="dataDir"/>, the survey open around today unless the test sets its own file.
    /// </summary>
    public static Dictionary<string, string?> Settings(FakeZaloServer zalo, string dataDir) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Zalo:Mode"] = "Live",
        ["Zalo:AppId"] = AppId,
        ["Zalo:OaId"] = OaId,
        ["Zalo:OaSecretKey"] = OaSecret,
        ["Zalo:AppSecretKey"] = "app-secret",
        ["Zalo:AccessToken"] = "access-1",
        ["Zalo:RefreshToken"] = "refresh-1",
        ["Zalo:OpenApiBaseUrl"] = zalo.BaseUrl,
        ["Zalo:OAuthBaseUrl"] = zalo.BaseUrl,
        ["Storage:Path"] = Path.Combine(dataDir, "survey.db"),
        ["Survey:DefinitionPath"] = SurveyFiles.AroundToday,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Builds the app; when <paramref name="start"/> is false the workers don't run (a crashed service's data).</summary>
    private async Task<BotHost> BootAsync(bool start)
    {
        var args = settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        App = ZaloBotApp.Build(args, configure);
        if (start)
        {
            await App.StartAsync();
            Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        }
        return this;
    }

    public async Task RestartAsync(bool start = true)
    {
        await StopAsync();
        await BootAsync(start);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A user_send_text event in Zalo's shape, with a fresh msg_id unless one is given.</summary>
    public string TextEvent(string userId, string text, string? msgId = null) => TextEventOf(userId, text, msgId ?? NextMsgId());

    public static string TextEventOf(string userId, string text, string msgId) => new JsonObject
    {
        ["app_id"] = AppId,
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = OaId },
        ["event_name"] = "user_send_text",
        ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = msgId },
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    }.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public string NextMsgId() => "m" + Interlocked.Increment(ref msgSeq).ToString("D6", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];

    public static string Sign(string body, string secret = OaSecret)
    {
        var node = JsonNode.Parse(body)!;
        return SignatureVerifier.Compute(node["app_id"]!.ToString(), Encoding.UTF8.GetBytes(body), node["timestamp"]!.ToString(), secret);
    }

    /// <summary>Posts a body to the webhook, signed as Zalo would sign it unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostEventAsync(string body, string? signature = null) =>
        PostRawAsync(Encoding.UTF8.GetBytes(body), signature ?? Sign(body));

    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = content };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(SignatureVerifier.Header, signature);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendTextAsync(string userId, string text, string? msgId = null) =>
        PostEventAsync(TextEvent(userId, text, msgId));

    /// <summary>Waits until the inbox and outbox hold nothing due (bounded; fails the test on timeout).</summary>
    public async Task IdleAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Get<Inbox>().Queue.CountPending() == 0 && Get<Outbox>().Queue.CountPending() == 0)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The inbox or outbox still had pending items.");
    }

    /// <summary>Stops the service and closes its data, which stays on disk (for a copy, an offline command).</summary>
    public async Task StopAsync()
    {
        Http?.Dispose();
        if (App is null)
            return;
        await App.StopAsync();
        await App.DisposeAsync();
        App = null!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a finalising handle: the temp folder is cleaned by the OS
        }
    }
}
