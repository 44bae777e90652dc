using System.Net;

namespace ZaloBot.Operations;

/// <summary>
/// Who may reach the operator's endpoints (<c>/admin/…</c>, and <c>/metrics</c> unless
/// <c>Metrics:AllowRemote</c>): a request made on this machine, not one a proxy on it forwarded.
/// </summary>
public static class LocalOnly
{
    /// <summary>The header the operator's commands send; a web page cannot add it to a request to another origin.</summary>
    public const string CommandHeader = "X-ZaloBot-Command";

    public static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("X-Original-For");

    /// <summary>Answers 404 to anything but a local request from the operator's commands.</summary>
    public static RouteGroupBuilder RequireLocalCommand(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
            IsLocal(context.HttpContext) && context.HttpContext.Request.Headers.ContainsKey(CommandHeader)
                ? await next(context)
                : Results.NotFound());
}
