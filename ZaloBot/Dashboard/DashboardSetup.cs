using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Reporting.Quota;
using ZaloBot.Reports;

namespace ZaloBot.Dashboard;

/// <summary>
/// A route the browser fetches as a file or as data (exports, API, images): without a session it
/// answers 401 instead of redirecting to the sign-in page.
/// </summary>
internal sealed class FileEndpoint;

/// <summary>The two kinds of signed-in routes: pages, and files or data (see <see cref="FileEndpoint"/>).</summary>
internal sealed record DashboardRoutes(RouteGroupBuilder Pages, RouteGroupBuilder Files);

public static class DashboardSetup
{
    public const string Scheme = "Dashboard";
    private const string Policy = "DashboardSession";

    /// <summary>The rate limiter's policy for the sign-in forms (codes and the admin password).</summary>
    public const string SignInRateLimit = "DashboardSignIn";

    /// <summary>Sign-in form posts from one address within a minute; the rest are answered 429.</summary>
    public const int SignInPostsPerAddressPerMinute = 20;

    /// <summary>Sign-in form posts from all addresses together within a minute.</summary>
    public const int SignInPostsPerMinute = 200;

    /// <summary>Sign-in (codes over Zalo, the admin password), session cookies, anti-forgery and the quota rule's options.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FinalReportFile>();
        services.AddSingleton<SignInCodes>();
        services.AddSingleton<AdminPassword>();
        services.AddSingleton<SignInLimits>();
        services.AddSingleton<PasswordChecks>();
        services.AddSingleton<DashboardCookieEvents>();

        // Behind a reverse proxy the client's address and scheme come from X-Forwarded-For/-Proto, believed
        // only from the proxy: loopback by default, others by Dashboard:TrustedProxies.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<DashboardOptions>>((forwarded, dashboard) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in dashboard.Value.TrustedProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });

        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "pks02.session";
            cookie.Cookie.Path = "/dashboard";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // HTTPS as the proxy forwarded it
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/dashboard/signin";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.EventsType = typeof(DashboardCookieEvents);
        });
        services.AddRateLimiter(AddSignInRateLimits);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<DashboardOptions>>((cookie, dashboard) =>
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(dashboard.Value.SessionMinutes));
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pks02.antiforgery";
            o.Cookie.Path = "/dashboard";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    /// <summary>
    /// The sign-in forms are limited per client address and overall, before any code or password is
    /// looked at; <see cref="SignInLimits"/> counts the failures among what gets through.
    /// </summary>
    private static void AddSignInRateLimits(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, ct) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return new ValueTask(Layout.Bare("Đăng nhập", $"""
                <section class="card"><p class="error">{Layout.E(SignInTexts.TooManyRequests)}</p>
                <p><a href="/dashboard/signin">Về trang đăng nhập</a></p></section>
                """, StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext));
        };
        options.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInPostsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignInRateLimit
                ? RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<AdminPassword>().StoreConfigured());

        var dashboard = app.MapGroup("/dashboard").AddEndpointFilter(CheckFormsAsync);
        dashboard.MapSignIn();
        var signedIn = dashboard.MapGroup("").RequireAuthorization(Policy).AddEndpointFilter(PrivateAsync);
        var routes = new DashboardRoutes(signedIn.MapGroup(""), signedIn.MapGroup("").WithMetadata(new FileEndpoint()));
        routes.MapOverview();
        routes.MapCommunePages();
        routes.MapQuality();
        routes.MapStaffPage();
        routes.MapRosterPage();
        routes.MapExports();
        routes.MapQrCodes();
        routes.MapSurveyPage();
        return app;
    }

    /// <summary>Every POST must carry the anti-forgery token of a form this dashboard served.</summary>
    private static async ValueTask<object?> CheckFormsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Results.BadRequest("Biểu mẫu đã hết hạn hoặc không hợp lệ. Xin tải lại trang.");
        return await next(context);
    }

    /// <summary>
    /// Survey figures are not for shared caches or the browser's history after sign-out, and a
    /// photo a volunteer sent is shown as the image type it was stored with, never sniffed as a page.
    /// "no-cache" too: it is what the anti-forgery of a page with a form sets, which otherwise logs a
    /// warning for every page it overrides.
    /// </summary>
    private static async ValueTask<object?> PrivateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache, no-store";
        headers.XContentTypeOptions = "nosniff";
        return await next(context);
    }
}
