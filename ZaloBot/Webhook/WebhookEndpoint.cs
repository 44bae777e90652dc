using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using ZaloBot.Operations;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Webhook;

/// <summary>
/// <c>POST /zalo/webhook</c> does four things: verify, dedupe, store, answer 200. No Zalo call and
/// no conversation work happens here (Zalo wants its answer within 2 seconds). Anything that is not
/// readable UTF-8 JSON is a 400, and nothing is stored or logged before the signature holds.
/// </summary>
public static class WebhookEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/zalo/webhook", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, InboxIntake inbox, IOptions<ZaloOptions> options, IOptions<StorageOptions> storage, ServiceMetrics metrics, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        IResult Problem(int status, string reason, string tag)
        {
            metrics.Refused(tag);
            return Results.Json(new { error = reason }, statusCode: status);
        }

        var logger = loggers.CreateLogger(typeof(WebhookEndpoint));
        if (request.ContentLength > MaxBodyBytes)
            return Problem(StatusCodes.Status413PayloadTooLarge, "The body is larger than 256 KB.", "too_large");
        var body = await ReadLimitedAsync(request.Body, request.ContentLength, ct);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, "The body is larger than 256 KB.", "too_large");

        var signature = request.Headers[SignatureVerifier.Header].ToString();
        if (!signature.StartsWith("mac=", StringComparison.Ordinal))
            return Problem(StatusCodes.Status401Unauthorized, "Missing X-ZEvent-Signature: mac=… header.", "no_signature");
        if (body.Length == 0)
            return Problem(StatusCodes.Status400BadRequest, "The body is empty.", "empty");

        if (!IsReadableJson(body))
            return Problem(StatusCodes.Status400BadRequest, "The body is not JSON in valid UTF-8.", "not_json");
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return Problem(StatusCodes.Status400BadRequest, "The body is not a JSON object.", "not_json");
        var appId = ZaloEvent.Str(root, "app_id") ?? "";
        var timestamp = ZaloEvent.Str(root, "timestamp") ?? "";
        var o = options.Value;
        // Not logged: anyone can post here, and a log is not theirs to fill.
        if (!SignatureVerifier.Verify(signature, appId, body, timestamp, o.OaSecretKey ?? ""))
            return Problem(StatusCodes.Status401Unauthorized, "The signature does not match.", "bad_signature");
        if (appId != o.AppId)
        {
            logger.LogWarning("Webhook event refused: app_id is not this service's Zalo:AppId");
            return Problem(StatusCodes.Status401Unauthorized, "The event's app_id is not this app's.", "wrong_app");
        }

        var e = ZaloEvent.Parse(doc);
        if (e is null)
            return Problem(StatusCodes.Status400BadRequest, "The event has no event_name.", "no_event_name");
        if (IsOlderThan(timestamp, storage.Value.DedupeWindow, clock))
        {
            logger.LogWarning("Webhook event refused: older than the dedupe window");
            return Problem(StatusCodes.Status400BadRequest, "The event's timestamp is older than the dedupe window (Storage:DedupeWindow).", "too_old");
        }
        var stored = await inbox.AcceptAsync(e, body, ct);
        metrics.EventReceived(e.Name, duplicate: !stored);
        return Results.Ok(new { status = stored ? "accepted" : "duplicate" });
    }

    /// <summary>
    /// Valid UTF-8, well-formed JSON, and every string in it readable: a lone surrogate escape such as
    /// <c>"\ud800"</c> parses, but could never be read as text later.
    /// </summary>
    private static bool IsReadableJson(byte[] body)
    {
        if (!Utf8.IsValid(body))
            return false;
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    _ = reader.GetString();
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Handled events are forgotten after the dedupe window, so an older one could be a replay that
    /// nothing would recognise. Zalo's timestamp is in milliseconds; one that cannot be read is
    /// judged by the signature alone.
    /// </summary>
    private static bool IsOlderThan(string timestamp, TimeSpan window, TimeProvider clock) =>
        long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
        && ms < (clock.GetUtcNow() - window).ToUnixTimeMilliseconds();

    /// <summary>Reads the raw bytes (the signature covers them exactly); null when over the limit.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long? length, CancellationToken ct)
    {
        // Zalo sends a Content-Length: read into a buffer of that size; a stream that is longer or
        // has none is read through a growing one.
        var buffer = new byte[length is > 0 and <= MaxBodyBytes ? (int)length + 1 : 4096];
        var filled = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
        {
            filled += read;
            if (filled > MaxBodyBytes)
                return null;
            if (filled == buffer.Length)
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
        }
        return buffer[..filled];
    }
}
