using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Reporting.Quota;

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

    /// <summary>Sign-in (codes over Zalo, the admin password), session cookies, anti-forgery and the quota rule's options.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInCodes>();
        services.AddSingleton<AdminPassword>();

        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "pks02.session";
            cookie.Cookie.Path = "/dashboard";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/dashboard/signin";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<FileEndpoint>() is not null)
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else
                    context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
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
    /// </summary>
    private static async ValueTask<object?> PrivateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        return await next(context);
    }
}
