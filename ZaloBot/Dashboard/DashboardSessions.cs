using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ZaloBot.Dashboard;

/// <summary>
/// The dashboard's sessions as the server knows them, in the database, so that a session works on
/// whichever instance a request reaches and outlives a restart. A session cookie is honoured only
/// while its session is active here, so signing out ends it even for a copy of the cookie. Only a
/// hash of a session's id is stored: the stored sessions cannot be turned back into cookies.
/// </summary>
public interface IDashboardSessions
{
    bool IsActive(string id);

    /// <summary>Starts a session that lasts until <paramref name="expires"/>.</summary>
    void Start(string id, DateTime expires);

    /// <summary>Moves an active session's end out to <paramref name="expires"/> (a renewed cookie); an ended one stays ended.</summary>
    void Extend(string id, DateTime expires);

    void End(string id);

    /// <summary>Deletes up to <paramref name="batch"/> sessions that ended before <paramref name="before"/>.</summary>
    int DeleteExpired(DateTime before, int batch);
}

/// <summary>A stored session: the hash of its id and when it ends.</summary>
public sealed class DashboardSession
{
    public string Id { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    /// <summary>What is stored for a session id: its SHA-256, in hex.</summary>
    public static string KeyOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}

/// <summary>The session cookie checked against <see cref="IDashboardSessions"/> on every request.</summary>
internal sealed class DashboardCookieEvents(IDashboardSessions sessions, IOptions<DashboardOptions> options, TimeProvider clock) : CookieAuthenticationEvents
{
    public const string SessionClaim = "pks02:session";

    /// <summary>A new session, for as long as the cookie lasts without a request; its id goes into the cookie.</summary>
    public string StartSession()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        sessions.Start(id, (clock.GetUtcNow() + TimeSpan.FromMinutes(options.Value.SessionMinutes)).UtcDateTime);
        return id;
    }

    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirst(SessionClaim)?.Value;

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (SessionOf(context.Principal) is { } id && sessions.IsActive(id))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(DashboardSetup.Scheme);
    }

    /// <summary>A renewed cookie keeps its session alive as long as the cookie; an ended session stays ended.</summary>
    public override Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && SessionOf(context.Principal) is { } id && sessions.IsActive(id))
            sessions.Extend(id, (clock.GetUtcNow() + context.Options.ExpireTimeSpan).UtcDateTime);
        return Task.CompletedTask;
    }

    /// <summary>A page redirects to the sign-in page; a file or data answers 401 (see <see cref="FileEndpoint"/>).</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<FileEndpoint>() is not null)
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
