using System.Globalization;
using System.Text.Json;
using ZaloBot.Zalo;

namespace ZaloBot.Sandbox;

/// <summary>
/// The Zalo endpoints the service calls, emulated in-process under <see cref="ZaloBaseUrls.SandboxPrefix"/>
/// with Zalo's paths, JSON and error shape, so the real client code runs in sandbox mode.
/// </summary>
public static class ZaloEmulator
{
    public static void MapZaloEmulator(this IEndpointRouteBuilder app)
    {
        var zalo = app.MapGroup(ZaloBaseUrls.SandboxPrefix);
        zalo.MapPost("/v3.0/oa/message/cs", (HttpRequest r, JsonElement body, SandboxState s, SandboxTokens t) =>
            Send(r, body, s, t, "user_id", SandboxState.UserChat));
        zalo.MapPost("/v3.0/oa/group/message", (HttpRequest r, JsonElement body, SandboxState s, SandboxTokens t) =>
            Send(r, body, s, t, "group_id", SandboxState.GroupChat));
        zalo.MapPost("/v2.0/oa/upload/image", UploadAsync).DisableAntiforgery();
        zalo.MapPost("/v4/oa/access_token", RefreshAsync).DisableAntiforgery();
    }

    private static IResult Send(HttpRequest request, JsonElement body, SandboxState state, SandboxTokens tokens, string recipientField, Func<string, string> chat)
    {
        if (!tokens.IsAccessToken(request.Headers["access_token"]))
            return Error(-216, "Access token is invalid");
        if (!body.TryGetProperty("recipient", out var recipient) || recipient.ValueKind != JsonValueKind.Object
            || !recipient.TryGetProperty(recipientField, out var idElement) || idElement.GetString() is not { Length: > 0 } id)
            return Error(-201, $"recipient.{recipientField} is invalid");
        if (!body.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            return Error(-201, "message is invalid");

        var text = message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        string? image = null;
        IReadOnlyList<string>? buttons = null;
        if (message.TryGetProperty("attachment", out var attachment) && ListButtons(attachment) is { } list)
            buttons = list;
        else if (attachment.ValueKind == JsonValueKind.Object)
        {
            if (AttachmentId(attachment) is not { } attachmentId)
                return Error(-201, "message.attachment is invalid");
            image = "/sandbox/media/" + attachmentId;
        }
        if (string.IsNullOrEmpty(text) && image is null)
            return Error(-201, "message.text is invalid");
        if (text?.Length > 2000)
            return Error(-201, "message.text is longer than 2000 characters");

        var sent = state.Add(chat(id), "oa", text, image, buttons);
        return Results.Json(new
        {
            error = 0,
            message = "Success",
            data = new { message_id = "sbx" + sent.Seq.ToString(CultureInfo.InvariantCulture), user_id = id, group_id = id },
        });
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, SandboxState state, SandboxTokens tokens)
    {
        if (!tokens.IsAccessToken(request.Headers["access_token"]))
            return Error(-216, "Access token is invalid");
        if (!request.HasFormContentType || (await request.ReadFormAsync()).Files.GetFile("file") is not { } file)
            return Error(-201, "file is invalid");
        if (file.Length > 1024 * 1024)
            return Error(-201, "file is larger than 1 MB");
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var id = state.StoreMedia(content.ToArray(), file.ContentType ?? "image/png");
        return Results.Json(new { data = new { attachment_id = id }, error = 0, message = "Success" });
    }

    private static async Task<IResult> RefreshAsync(HttpRequest request, SandboxTokens tokens)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        if (!tokens.IsRefreshToken(form["refresh_token"]) || !tokens.IsAppSecret(request.Headers["secret_key"]))
            return Results.Json(new { error = -14014, error_name = "Invalid refresh token", error_description = "Refresh token is invalid or expired" });
        var (access, refresh) = tokens.Issue();
        return Results.Json(new { access_token = access, refresh_token = refresh, expires_in = "90000" });
    }

    /// <summary>The button titles of a list template (at most 5), or null for any other attachment.</summary>
    private static List<string>? ListButtons(JsonElement attachment)
    {
        if (!attachment.TryGetProperty("payload", out var payload) || !payload.TryGetProperty("template_type", out var type) || type.GetString() != "list")
            return null;
        return payload.GetProperty("elements").EnumerateArray().Take(5).Select(e => e.GetProperty("title").GetString() ?? "").ToList();
    }

    private static string? AttachmentId(JsonElement attachment)
    {
        try
        {
            return attachment.GetProperty("payload").GetProperty("elements")[0].GetProperty("attachment_id").GetString();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static IResult Error(int code, string message) => Results.Json(new { error = code, message });
}
