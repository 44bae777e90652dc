using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ZaloBot.Volunteers;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Sandbox;

/// <summary>
/// The sandbox page (<c>/sandbox</c>): chat as any simulated Zalo user and watch the group's feed.
/// What the page sends is turned into a Zalo event, signed, and posted to this service's own
/// <c>/zalo/webhook</c> over HTTP, exactly as Zalo would deliver it.
/// </summary>
public static class SandboxEndpoints
{
    public sealed record SendRequest(string UserId, string? Text, string? ImageBase64, string? ImageType, string? EventName);

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app)
    {
        app.MapZaloEmulator();
        app.MapGet("/sandbox", () => Results.Content(Page(), "text/html; charset=utf-8"));
        app.MapGet("/sandbox/api/feed", (long? after, SandboxState state) => Results.Json(state.After(after ?? 0)));
        app.MapGet("/sandbox/media/{id}", ServeMedia);
        app.MapPost("/sandbox/api/send", SendAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SendAsync(SendRequest request, SandboxState state, IOptions<ZaloOptions> options, ZaloBaseUrls urls, IHttpClientFactory http, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserId) || !request.UserId.All(char.IsAsciiDigit))
            return Results.BadRequest(new { error = "userId must be digits, like a Zalo user id." });

        var o = options.Value;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var msgId = Guid.NewGuid().ToString("N")[..20];
        object body;
        if (request.EventName == "follow")
        {
            state.Add(SandboxState.UserChat(request.UserId), "system", "(quan tâm OA)", null);
            body = new { oa_id = o.OaId, follower = new { id = request.UserId }, event_name = "follow", source = "oa_profile", app_id = o.AppId, timestamp = now };
        }
        else if (request.ImageBase64 is { Length: > 0 } image)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(image);
            }
            catch (FormatException)
            {
                return Results.BadRequest(new { error = "imageBase64 is not base64." });
            }
            var url = urls.Self + "/sandbox/media/" + state.StoreMedia(bytes, request.ImageType ?? "image/jpeg");
            state.Add(SandboxState.UserChat(request.UserId), "user", request.Text, url);
            body = new
            {
                app_id = o.AppId, sender = new { id = request.UserId }, recipient = new { id = o.OaId }, event_name = "user_send_image",
                message = new { msg_id = msgId, text = request.Text, attachments = new[] { new { type = "image", payload = new { url, thumbnail = url } } } },
                timestamp = now,
            };
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Text))
                return Results.BadRequest(new { error = "text is empty." });
            state.Add(SandboxState.UserChat(request.UserId), "user", request.Text, null);
            body = new
            {
                app_id = o.AppId, sender = new { id = request.UserId }, recipient = new { id = o.OaId }, event_name = "user_send_text",
                message = new { text = request.Text, msg_id = msgId }, timestamp = now,
            };
        }

        var raw = JsonSerializer.SerializeToUtf8Bytes(body);
        using var post = new HttpRequestMessage(HttpMethod.Post, urls.Self + "/zalo/webhook") { Content = new ByteArrayContent(raw) };
        post.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        post.Headers.Add(SignatureVerifier.Header, SignatureVerifier.Compute(o.AppId!, raw, now, o.OaSecretKey!));
        using var answer = await http.CreateClient("sandbox").SendAsync(post, ct);
        return Results.Json(new { webhookStatus = (int)answer.StatusCode });
    }

    /// <summary>
    /// An image is served as the type its bytes show (PNG or JPEG), never as what the sender called
    /// it, and never sniffed by the browser: anything else is 415.
    /// </summary>
    private static IResult ServeMedia(string id, SandboxState state, HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        if (state.Media(id) is not { } media)
            return Results.NotFound();
        var type = PhotoFormat.Detect(media.Content);
        return type is "image/png" or "image/jpeg"
            ? Results.File(media.Content, type)
            : Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
    }

    private static string Page()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ZaloBot.Sandbox.wwwroot.sandbox.html")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
