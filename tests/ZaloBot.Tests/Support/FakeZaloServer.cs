using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ZaloBot.Tests.Support;

/// <summary>A request the fake Zalo server received.</summary>
public sealed record ZaloCall(string Path, IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>When it arrived, by <see cref="FakeZaloServer.Clock"/>.</summary>
    public DateTimeOffset At { get; init; }

    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// A stand-in for Zalo's Open API and OAuth servers, over real HTTP on 127.0.0.1. Access tokens
/// not in <see cref="ValidTokens"/> get -216; canned answers can be queued per path.
/// </summary>
public sealed class FakeZaloServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ZaloCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> canned = new();
    private readonly Lock invalidLock = new();
    private TaskCompletionSource invalidTogether = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int sequence;
    private int refreshes;
    private int invalidWaiting;

    public ConcurrentBag<string> ValidTokens { get; } = ["access-1"];

    /// <summary>What the token endpoint answers; by default a new pair each time.</summary>
    public Func<int, string> TokenAnswer { get; set; } = n =>
        JsonSerializer.Serialize(new { access_token = $"access-new-{n}", refresh_token = $"refresh-new-{n}", expires_in = "90000" });

    /// <summary>The clock that stamps <see cref="ZaloCall.At"/> (the services' fake clock, when a test moves time).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// When more than one, the -216 answers are held until this many calls with an invalid token are
    /// in, so that their callers all learn at the same moment that the token is invalid.
    /// </summary>
    public int InvalidTokenCallsTogether { get; set; }

    /// <summary>How long the token endpoint takes to answer (a slow refresh widens the window for a second one).</summary>
    public TimeSpan TokenAnswerDelay { get; set; }

    private FakeZaloServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ZaloCall> Calls => calls.ToList();

    /// <summary>Raised for every request, as it arrives (a benchmark times replies with it).</summary>
    public event Action<ZaloCall>? Received;

    public IReadOnlyList<ZaloCall> CallsTo(string path) => calls.Where(c => c.Path == path).ToList();

    /// <summary>The texts sent to one user (the customer-service message endpoint), in order.</summary>
    public IReadOnlyList<string> TextsTo(string userId) =>
        CallsTo("/v3.0/oa/message/cs")
            .Where(c => c.Json["recipient"]!["user_id"]!.GetValue<string>() == userId)
            .Select(c => c.Json["message"]!["text"]!.GetValue<string>())
            .ToList();

    public static async Task<FakeZaloServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeZaloServer(app);
        Func<HttpContext, Task<IResult>> handler = server.HandleAsync;
        app.MapPost("/{**path}", handler);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    /// <summary>The next call to <paramref name="path"/> gets this answer instead of the normal one.</summary>
    public void Enqueue(string path, string body, int status = 200) =>
        canned.GetOrAdd(path, _ => new()).Enqueue((status, body));

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!;
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var form = new Dictionary<string, string>();
        var body = "";
        if (request.HasFormContentType)
        {
            var f = await request.ReadFormAsync();
            foreach (var field in f)
                form[field.Key] = field.Value.ToString();
            foreach (var file in f.Files)
                form[file.Name] = $"file:{file.FileName}:{file.Length}";
        }
        else
        {
            body = await new StreamReader(request.Body).ReadToEndAsync();
        }
        var call = new ZaloCall(path, headers, body, form) { At = Clock() };
        calls.Enqueue(call);
        Received?.Invoke(call);

        if (canned.TryGetValue(path, out var queue) && queue.TryDequeue(out var answer))
            return Results.Text(answer.Body, "application/json", statusCode: answer.Status);
        if (path == "/v4/oa/access_token")
        {
            if (TokenAnswerDelay > TimeSpan.Zero)
                await Task.Delay(TokenAnswerDelay);
            var tokenAnswer = TokenAnswer(Interlocked.Increment(ref refreshes));
            if (JsonNode.Parse(tokenAnswer)?["access_token"]?.GetValue<string>() is { } issued)
                ValidTokens.Add(issued);
            return Results.Text(tokenAnswer, "application/json");
        }
        if (!headers.TryGetValue("access_token", out var token) || !ValidTokens.Contains(token))
        {
            await InvalidTokenTogetherAsync();
            return Results.Text("""{"error":-216,"message":"Access token is invalid"}""", "application/json");
        }
        var n = Interlocked.Increment(ref sequence);
        return path switch
        {
            "/v2.0/oa/upload/image" => Results.Json(new { data = new { attachment_id = $"att-{n}" }, error = 0, message = "Success" }),
            _ => Results.Json(new { error = 0, message = "Success", data = new { message_id = $"mid-{n}" } }),
        };
    }

    /// <summary>Holds an invalid-token answer until <see cref="InvalidTokenCallsTogether"/> such calls are in (at most 20 s).</summary>
    private async Task InvalidTokenTogetherAsync()
    {
        if (InvalidTokenCallsTogether <= 1)
            return;
        Task together;
        lock (invalidLock)
        {
            together = invalidTogether.Task;
            if (++invalidWaiting >= InvalidTokenCallsTogether)
            {
                invalidTogether.SetResult();
                invalidTogether = new(TaskCreationOptions.RunContinuationsAsynchronously);
                invalidWaiting = 0;
            }
        }
        await together.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
