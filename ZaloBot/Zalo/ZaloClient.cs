using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RestSharp;

using ZaloBot.Operations;

namespace ZaloBot.Zalo;

/// <summary>
/// The one client for Zalo's Open API and OAuth endpoints. Every call waits for its place in the
/// minute's <see cref="OutboundLimit"/>, shared by all instances; Zalo's HTTP-200 errors are turned
/// into a <see cref="ZaloResult"/> that says whether to retry; an invalid token is refreshed once
/// (single flight in the process and across instances) and the call retried.
/// </summary>
public sealed class ZaloClient : IDisposable
{
    /// <summary>The named HttpClient for photo downloads: no automatic redirects, public addresses only.</summary>
    public const string MediaClient = "zalo-media";

    private static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(5);
    private const int TransientAttempts = 3;
    private const int MaxRedirects = 3;

    private readonly RestClient rest;
    private readonly IHttpClientFactory http;
    private readonly ZaloBaseUrls urls;
    private readonly TokenStore tokens;
    private readonly IOptions<ZaloOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<ZaloClient> logger;
    private readonly OutboundLimit limiter;
    private readonly SemaphoreSlim refreshGate = new(1, 1);

    /// <summary>One set of JSON options for every call, so each body's shape is worked out once.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ServiceMetrics metrics;

    public ZaloClient(
        IHttpClientFactory http, ZaloBaseUrls urls, TokenStore tokens, OutboundLimit limiter, IOptions<ZaloOptions> options, ServiceMetrics metrics, TimeProvider clock, ILogger<ZaloClient> logger)
    {
        this.metrics = metrics;
        rest = new RestClient(http.CreateClient("zalo"));
        this.http = http;
        this.urls = urls;
        this.tokens = tokens;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        this.limiter = limiter;
    }

    /// <summary>Base delay between quick retries inside one call; later retries belong to the outbox.</summary>
    internal TimeSpan TransientDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public Task<ZaloResult> SendTextAsync(string userId, string text, CancellationToken ct) =>
        CallAsync("/v3.0/oa/message/cs", new { recipient = new { user_id = userId }, message = new { text } }, "message_id", ct);

    public Task<ZaloResult> SendImageAsync(string userId, string attachmentId, string? text, CancellationToken ct) =>
        CallAsync("/v3.0/oa/message/cs", new { recipient = new { user_id = userId }, message = ImageMessage("template", attachmentId, text) }, "message_id", ct);

    /// <summary>
    /// Text with a list template of up to 5 buttons; a click sends the button's payload back as the
    /// user's text. Buttons are UNCONFIRMED on the v3 API, so callers keep the text usable on its own.
    /// </summary>
    public Task<ZaloResult> SendListAsync(string userId, string text, IReadOnlyList<string> buttons, CancellationToken ct) =>
        CallAsync("/v3.0/oa/message/cs", new
        {
            recipient = new { user_id = userId },
            message = new
            {
                text,
                attachment = new
                {
                    type = "template",
                    payload = new
                    {
                        template_type = "list",
                        elements = buttons.Take(5).Select((title, i) => new
                        {
                            title,
                            subtitle = "Bấm để chọn",
                            buttons = new[] { new { title, type = "oa.query.hide", payload = (i + 1).ToString(CultureInfo.InvariantCulture) } },
                        }),
                    },
                },
            },
        }, "message_id", ct);

    public Task<ZaloResult> SendGroupTextAsync(string groupId, string text, CancellationToken ct) =>
        CallAsync("/v3.0/oa/group/message", new { recipient = new { group_id = groupId }, message = new { text } }, "message_id", ct);

    /// <summary>
    /// Zalo's sources disagree on the attachment type of a group image ("template" as in 1:1
    /// messages, or "image"); when the first shape is refused the other is tried.
    /// </summary>
    public async Task<ZaloResult> SendGroupImageAsync(string groupId, string attachmentId, string? text, CancellationToken ct)
    {
        ZaloResult result = new(ZaloOutcome.GaveUp);
        foreach (var type in new[] { "template", "image" })
        {
            result = await CallAsync("/v3.0/oa/group/message", new { recipient = new { group_id = groupId }, message = ImageMessage(type, attachmentId, text) }, "message_id", ct);
            if (result.Code is not { } code || !ZaloErrors.IsShapeRefused(code))
                return result;
        }
        return result;
    }

    /// <summary>Uploads a jpg/png (at most 1 MB); the result's Id is the attachment id (valid about 7 days).</summary>
    public Task<ZaloResult> UploadImageAsync(byte[] content, string fileName, string contentType, CancellationToken ct) =>
        CallAsync("/v2.0/oa/upload/image", accessToken =>
        {
            var request = new RestRequest(urls.OpenApi + "/v2.0/oa/upload/image", Method.Post) { AlwaysMultipartFormData = true };
            request.AddHeader("access_token", accessToken);
            request.AddFile("file", content, fileName, contentType);
            return request;
        }, "attachment_id", ct);

    /// <summary>
    /// Fetches a file a user sent (its attachment URL on Zalo's servers), without the access token,
    /// within <see cref="ZaloOptions.CallTimeout"/>. Only https URLs on <see cref="ZaloOptions.MediaHosts"/>
    /// are fetched, each redirect checked the same way. Reading stops once the file is past
    /// <paramref name="maxBytes"/>, so an oversized one is never held whole in memory.
    /// </summary>
    public async Task<Download> DownloadAsync(string url, long maxBytes, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        try
        {
            return await FetchAsync(url, maxBytes, deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("A photo download did not finish within Zalo:CallTimeout ({Timeout})", options.Value.CallTimeout);
            return new Download(null);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("A photo download failed: {Reason}", e.Message);
            return new Download(null);
        }
    }

    private async Task<Download> FetchAsync(string url, long maxBytes, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return new Download(null);
        using var client = http.CreateClient(MediaClient);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!MayFetch(uri, out var local))
            {
                logger.LogWarning("A photo download was refused: {Scheme}://{Host} is not an https host of Zalo:MediaHosts", uri.Scheme, uri.Host);
                return new Download(null);
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Options.Set(MediaAddresses.AllowLocal, local);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                uri = new Uri(uri, location);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                return new Download(null);
            if (response.Content.Headers.ContentLength > maxBytes)
                return new Download(null, TooLarge: true);
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await ReadLimitedAsync(stream, maxBytes, ct);
        }
        logger.LogWarning("A photo download was refused: more than {Hops} redirects", MaxRedirects);
        return new Download(null);
    }

    /// <summary>
    /// An https URL on Zalo's media hosts; in Sandbox mode also this service's own sandbox media,
    /// which lives on this machine (<paramref name="local"/>).
    /// </summary>
    private bool MayFetch(Uri uri, out bool local)
    {
        var o = options.Value;
        local = o.AllowHttpMedia;
        if (o.Mode == ZaloMode.Sandbox && IsOwnSandboxMedia(uri))
        {
            local = true;
            return true;
        }
        return (uri.Scheme == Uri.UriSchemeHttps || (o.AllowHttpMedia && uri.Scheme == Uri.UriSchemeHttp))
            && string.IsNullOrEmpty(uri.UserInfo)
            && MediaAddresses.IsListed(uri.IdnHost, o.MediaHosts);
    }

    private bool IsOwnSandboxMedia(Uri uri) =>
        string.Equals(uri.GetLeftPart(UriPartial.Authority), urls.Self, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.StartsWith("/sandbox/media/", StringComparison.Ordinal);

    private static async Task<Download> ReadLimitedAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (content.Length + read > maxBytes)
                return new Download(null, TooLarge: true);
            content.Write(buffer, 0, read);
        }
        return new Download(content.ToArray());
    }

    /// <summary>
    /// Exchanges the refresh token for a new pair, unless another caller, of this instance or another,
    /// already did so since <paramref name="staleAccessToken"/> was read: callers of this process queue
    /// on one gate, instances on the store's refresh lock, and whoever gets it reads the stored pair
    /// again. The new pair is stored before the lock is let go. A failed or empty answer keeps the pair.
    /// </summary>
    public async Task<bool> RefreshTokenAsync(string staleAccessToken, CancellationToken ct)
    {
        await refreshGate.WaitAsync(ct);
        try
        {
            if (RefreshedSince(staleAccessToken))
                return true;
            await limiter.WaitAsync(ct); // before the lock: its holder never waits for the minute's budget
            await using var turn = await tokens.LockForRefreshAsync(RefreshLockWait, ct);
            if (turn is null)
            {
                logger.LogWarning("The Zalo token refresh lock was not free within {Wait} (another refresh held it); the call is retried later", RefreshLockWait);
                return false;
            }
            if (RefreshedSince(staleAccessToken))
                return true;
            var current = tokens.Fresh();

            var o = options.Value;
            var request = new RestRequest(urls.OAuth + "/v4/oa/access_token", Method.Post);
            request.AddHeader("secret_key", o.AppSecretKey ?? "");
            request.AddParameter("app_id", o.AppId ?? "", ParameterType.GetOrPost);
            request.AddParameter("grant_type", "refresh_token", ParameterType.GetOrPost);
            request.AddParameter("refresh_token", current.RefreshToken, ParameterType.GetOrPost);

            var response = await ExecuteAsync(request, ct);
            var pair = ParseTokenAnswer(response);
            if (pair is null)
            {
                logger.LogCritical(
                    "ZALO TOKEN REFRESH FAILED (HTTP {Status}): {Answer}. The stored token pair is kept; if this repeats, bootstrap a new pair from Zalo's API Explorer.",
                    (int)response.StatusCode, DescribeTokenError(response.Content));
                metrics.TokenRefresh(succeeded: false);
                return false;
            }
            tokens.Save(pair);
            metrics.TokenRefresh(succeeded: true);
            logger.LogInformation("Zalo access token refreshed; it expires at {ExpiresAt:u}", pair.ExpiresAt);
            return true;
        }
        finally
        {
            refreshGate.Release();
        }
    }

    /// <summary>Whether the stored access token is no longer the one that was found stale.</summary>
    private bool RefreshedSince(string staleAccessToken)
    {
        var current = tokens.Fresh();
        return current.AccessToken.Length > 0 && current.AccessToken != staleAccessToken;
    }

    /// <summary>A refresh holds the lock for one call to Zalo at most; waiting two of them is plenty.</summary>
    private TimeSpan RefreshLockWait => options.Value.CallTimeout * 2 + TimeSpan.FromSeconds(5);

    private static object ImageMessage(string attachmentType, string attachmentId, string? text) => new
    {
        text,
        attachment = new
        {
            type = attachmentType,
            payload = new { template_type = "media", elements = new[] { new { media_type = "image", attachment_id = attachmentId } } },
        },
    };

    private Task<ZaloResult> CallAsync(string path, object body, string idField, CancellationToken ct) =>
        CallAsync(path, accessToken =>
        {
            var request = new RestRequest(urls.OpenApi + path, Method.Post);
            request.AddHeader("access_token", accessToken);
            request.AddStringBody(JsonSerializer.Serialize(body, Json), DataFormat.Json);
            return request;
        }, idField, ct);

    private async Task<ZaloResult> CallAsync(string path, Func<string, RestRequest> build, string idField, CancellationToken ct)
    {
        var refreshed = false;
        ZaloResult last = new(ZaloOutcome.RetryLater, Reason: "not attempted");
        for (var attempt = 1; attempt <= TransientAttempts; attempt++)
        {
            var accessToken = await AccessTokenAsync(ct);
            await limiter.WaitAsync(ct);
            var response = await ExecuteAsync(build(accessToken), ct);

            last = Classify(response, idField);
            metrics.ZaloCall(last.Outcome.ToString(), last.Code);
            if (last.Code is { } code && ZaloErrors.IsTokenProblem(code) && !refreshed)
            {
                refreshed = true;
                if (await RefreshTokenAsync(accessToken, ct))
                {
                    attempt--; // the retry after a refresh is not a transient attempt
                    continue;
                }
                return last with { Outcome = ZaloOutcome.RetryLater, Reason = "token refresh failed" };
            }
            if (last.Outcome != ZaloOutcome.RetryLater || attempt == TransientAttempts)
                break;
            await Task.Delay(TransientDelay * attempt, clock, ct);
        }
        if (!last.Succeeded)
            logger.LogWarning("Zalo call {Path} did not succeed: {Outcome} {Code} {Reason}", path, last.Outcome, last.Code, last.Reason);
        return last;
    }

    /// <summary>One request within <see cref="ZaloOptions.CallTimeout"/>, the answer's body included.</summary>
    private async Task<RestResponse> ExecuteAsync(RestRequest request, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        try
        {
            var response = await rest.ExecuteAsync(request, deadline.Token);
            return deadline.IsCancellationRequested && !ct.IsCancellationRequested ? TimedOut(request) : response;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TimedOut(request);
        }
    }

    private RestResponse TimedOut(RestRequest request) =>
        new(request) { ResponseStatus = ResponseStatus.TimedOut, ErrorMessage = $"no complete answer within Zalo:CallTimeout ({options.Value.CallTimeout})" };

    /// <summary>A network deadline runs on the wall clock, whatever clock the survey's days come from.</summary>
    private CancellationTokenSource Deadline(CancellationToken ct)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.CallTimeout);
        return deadline;
    }

    private async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var pair = tokens.Current();
        var expiring = pair.ExpiresAt is { } at && at - clock.GetUtcNow().UtcDateTime < RefreshAhead;
        if (pair.AccessToken.Length == 0 || expiring)
        {
            await RefreshTokenAsync(pair.AccessToken, ct);
            pair = tokens.Current();
        }
        return pair.AccessToken;
    }

    private static ZaloResult Classify(RestResponse response, string idField)
    {
        if (response.ResponseStatus == ResponseStatus.TimedOut)
            return new(ZaloOutcome.RetryLater, Reason: "timed out: " + response.ErrorMessage);
        if (response.ResponseStatus != ResponseStatus.Completed && response.StatusCode == 0)
            return new(ZaloOutcome.RetryLater, Reason: "connection failed: " + response.ErrorMessage);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            return new(ZaloOutcome.RetryLater, Reason: $"HTTP {(int)response.StatusCode}");
        if ((int)response.StatusCode >= 400)
            return new(ZaloOutcome.GaveUp, Reason: $"HTTP {(int)response.StatusCode}");

        try
        {
            using var doc = JsonDocument.Parse(response.Content ?? "");
            var root = doc.RootElement;
            var code = root.TryGetProperty("error", out var e) ? ReadInt(e) : 0;
            var message = root.TryGetProperty("message", out var m) ? m.ToString() : null;
            if (code == 0)
            {
                string? id = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(idField, out var v) ? v.ToString() : null;
                return new(ZaloOutcome.Sent, id);
            }
            var outcome = ZaloErrors.IsRateLimited(code) || ZaloErrors.IsTokenProblem(code) ? ZaloOutcome.RetryLater : ZaloOutcome.GaveUp;
            return new(outcome, Code: code, Reason: $"{ZaloErrors.Describe(code)} ({message})");
        }
        catch (JsonException)
        {
            return new(ZaloOutcome.RetryLater, Reason: "the answer was not JSON");
        }
    }

    private TokenPair? ParseTokenAnswer(RestResponse response)
    {
        if (!response.IsSuccessful || string.IsNullOrWhiteSpace(response.Content))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(response.Content);
            var root = doc.RootElement;
            var access = root.TryGetProperty("access_token", out var a) ? a.GetString() : null;
            var refresh = root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
            if (string.IsNullOrWhiteSpace(access) || string.IsNullOrWhiteSpace(refresh))
                return null;
            DateTime? expiresAt = root.TryGetProperty("expires_in", out var x) && ReadInt(x) is > 0 and var seconds
                ? clock.GetUtcNow().UtcDateTime.AddSeconds(seconds)
                : null;
            return new TokenPair(access, refresh, expiresAt);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string DescribeTokenError(string? content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content ?? "");
            var root = doc.RootElement;
            string Field(string name) => root.TryGetProperty(name, out var v) ? v.ToString() : "";
            return $"error {Field("error")} {Field("error_name")}: {Field("error_description")}".Trim();
        }
        catch (JsonException)
        {
            return "an answer that was not JSON";
        }
    }

    /// <summary>Zalo sends some numbers as strings ("expires_in": "90000").</summary>
    private static int ReadInt(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => 0,
    };

    public void Dispose()
    {
        rest.Dispose();
        refreshGate.Dispose();
    }
}
