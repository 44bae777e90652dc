using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ZaloBot.Dashboard;

/// <summary>
/// The dashboard's sessions as the server knows them. A session cookie is honoured only while its
/// session is active here, so signing out ends it even for a copy of the cookie.
/// </summary>
public interface IDashboardSessions
{
    bool IsActive(string id);

    /// <summary>Starts a session, or moves its end further out when the cookie is renewed.</summary>
    void Start(string id, DateTime expires);

    void End(string id);
}

/// <summary>Sessions in memory: a restart signs everyone out.</summary>
public sealed class InMemoryDashboardSessions(TimeProvider clock) : IDashboardSessions
{
    private readonly ConcurrentDictionary<string, DateTime> sessions = new();

    public bool IsActive(string id) => sessions.TryGetValue(id, out var expires) && clock.GetUtcNow().UtcDateTime < expires;

    public void Start(string id, DateTime expires)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ended in sessions.Where(s => s.Value <= now).Select(s => s.Key))
            sessions.TryRemove(ended, out _);
        sessions[id] = expires;
    }

    public void End(string id) => sessions.TryRemove(id, out _);
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
            sessions.Start(id, (clock.GetUtcNow() + context.Options.ExpireTimeSpan).UtcDateTime);
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
