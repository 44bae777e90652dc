using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>What the sign-in pages say to an official.</summary>
internal static class SignInTexts
{
    public const string WrongCode = "Mã không đúng hoặc đã hết hạn. Xin thử lại, hoặc xin mã mới.";
    public const string WrongPassword = "Mật khẩu không đúng.";
    public const string TooManyRequests = "Có quá nhiều lượt đăng nhập từ địa chỉ này. Xin chờ một phút rồi thử lại.";
    public const string TooManyCodes = "Đã xin mã quá nhiều lần trong một giờ. Xin dùng mã đã nhận trong Zalo, hoặc thử lại sau.";
    public const string Busy = "Hệ thống đang bận. Xin chờ vài giây rồi thử lại.";

    public static string Wait(TimeSpan wait) =>
        $"Đã nhập sai quá nhiều lần. Xin chờ {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} phút rồi thử lại.";
}

/// <summary>
/// Sign-in: a district official registered in the bot gets a one-time code in Zalo chat; the
/// bootstrap admin uses the configured password. Every answer reads the same whether or not a
/// login name exists, so the page cannot be used to find out who is registered. Failures and code
/// requests are limited per login and per address (<see cref="SignInLimits"/>), the forms by the
/// rate limiter, and password hashing by <see cref="PasswordChecks"/>.
/// </summary>
internal static class SignInEndpoints
{
    private const string Home = "/dashboard";

    public static void MapSignIn(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/signin", (HttpContext http, string? returnUrl) => SignInPage(http, returnUrl));
        dashboard.MapPost("/signin", RequestCodeAsync).RequireRateLimiting(DashboardSetup.SignInRateLimit);
        dashboard.MapGet("/signin/code", (HttpContext http, string? login, string? returnUrl) => CodePage(http, login, returnUrl));
        dashboard.MapPost("/signin/code", EnterCodeAsync).RequireRateLimiting(DashboardSetup.SignInRateLimit);
        dashboard.MapPost("/signin/admin", AdminAsync).RequireRateLimiting(DashboardSetup.SignInRateLimit);
        dashboard.MapPost("/signout", async (HttpContext http, IDashboardSessions sessions) =>
        {
            if (DashboardCookieEvents.SessionOf(http.User) is { } session)
                sessions.End(session);
            await http.SignOutAsync(DashboardSetup.Scheme);
            return Results.Redirect("/dashboard/signin");
        });
    }

    /// <summary>The sign-in page; an <paramref name="adminError"/> shows inside the admin form, which then stays open.</summary>
    private static IResult SignInPage(HttpContext http, string? returnUrl, string? error = null, string? adminError = null, int? statusCode = null) => Bare("Đăng nhập", $"""
        <section class="card">
        {(error is null ? "" : $"""<p class="error">{E(error)}</p>""")}
        {Form(http, "/dashboard/signin", $"""
            <label for="login">Tên đăng nhập (ví dụ: cb7k3m)</label>
            <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" required />
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}" />
            <button type="submit">Nhận mã qua Zalo</button>
            """, "stack")}
        <p class="note">Cán bộ huyện đã đăng ký với OA nhận mã đăng nhập trong tin nhắn Zalo.</p>
        </section>
        <details class="card"{(adminError is null ? "" : " open")}><summary>Quản trị viên</summary>
        {(adminError is null ? "" : $"""<p class="error">{E(adminError)}</p>""")}
        {Form(http, "/dashboard/signin/admin", $"""
            <label for="password">Mật khẩu quản trị</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}" />
            <button type="submit">Đăng nhập</button>
            """, "stack")}
        </details>
        """, statusCode ?? (error is null && adminError is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized));

    private static IResult CodePage(HttpContext http, string? login, string? returnUrl, string? error = null, int? statusCode = null) => Bare("Nhập mã đăng nhập", $"""
        <section class="card">
        {(error is null ? "" : $"""<p class="error">{E(error)}</p>""")}
        <p>Nếu <strong>{E(login)}</strong> là tên đăng nhập của một cán bộ huyện đã đăng ký, mã gồm 6 chữ số vừa được gửi qua Zalo. Mã dùng một lần, trong {E((int)SignInCodes.Lifetime.TotalMinutes)} phút.</p>
        {Form(http, "/dashboard/signin/code", $"""
            <label for="code">Mã đăng nhập</label>
            <input id="code" name="code" class="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required />
            <input type="hidden" name="login" value="{E(login)}" />
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}" />
            <button type="submit">Đăng nhập</button>
            """, "stack")}
        <p class="note"><a href="/dashboard/signin{E(QueryString.Create("returnUrl", returnUrl ?? "").ToString())}">Xin mã mới</a></p>
        </section>
        """, statusCode ?? (error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized));

    private static async Task<IResult> RequestCodeAsync(HttpContext http, IStaffStore staff, SignInCodes codes, SignInLimits limits, Outbox outbox)
    {
        var form = await http.Request.ReadFormAsync();
        var (login, returnUrl) = (form["login"].ToString().Trim(), form["returnUrl"].ToString());
        if (!limits.MayRequestCode(login, http.Connection.RemoteIpAddress))
            return SignInPage(http, returnUrl, SignInTexts.TooManyCodes, statusCode: StatusCodes.Status429TooManyRequests);
        if (staff.FindByLogin(login) is { Role: StaffRole.District, Disabled: false } member && codes.Issue(member) is { } code)
            outbox.SendText(staff.UserIdOf(member), $"Mã đăng nhập trang tổng hợp khảo sát PKS02: {code}. Mã dùng một lần, trong {(int)SignInCodes.Lifetime.TotalMinutes} phút. Nếu không phải ông/bà vừa yêu cầu, xin bỏ qua tin nhắn này.");
        return Results.Redirect($"/dashboard/signin/code{QueryString.Create("login", login).Add("returnUrl", returnUrl)}");
    }

    private static async Task<IResult> EnterCodeAsync(HttpContext http, IStaffStore staff, SignInCodes codes, SignInLimits limits)
    {
        var form = await http.Request.ReadFormAsync();
        var (login, returnUrl) = (form["login"].ToString(), form["returnUrl"].ToString());
        var address = http.Connection.RemoteIpAddress;
        if (limits.WaitBeforeTrying(login, address) is { } wait)
            return CodePage(http, login, returnUrl, SignInTexts.Wait(wait), StatusCodes.Status429TooManyRequests);
        if (staff.FindByLogin(login) is { Role: StaffRole.District, Disabled: false } member && codes.Redeem(member, form["code"].ToString()))
        {
            limits.Succeeded(login);
            return await SignInAsync(http, member.LoginName, returnUrl);
        }
        limits.Failed(login, address);
        return CodePage(http, login, returnUrl, SignInTexts.WrongCode);
    }

    private static async Task<IResult> AdminAsync(HttpContext http, AdminPassword admin, SignInLimits limits, PasswordChecks checks)
    {
        var form = await http.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        var address = http.Connection.RemoteIpAddress;
        if (limits.WaitBeforeTrying(AdminPassword.UserName, address) is { } wait)
            return SignInPage(http, returnUrl, adminError: SignInTexts.Wait(wait), statusCode: StatusCodes.Status429TooManyRequests);
        var password = form["password"].ToString();
        switch (await checks.RunAsync(() => admin.Verify(password), http.RequestAborted))
        {
            case true:
                limits.Succeeded(AdminPassword.UserName);
                return await SignInAsync(http, AdminPassword.UserName, returnUrl);
            case false:
                limits.Failed(AdminPassword.UserName, address);
                return SignInPage(http, returnUrl, adminError: SignInTexts.WrongPassword);
            default:
                http.Response.Headers.RetryAfter = "5";
                return SignInPage(http, returnUrl, adminError: SignInTexts.Busy, statusCode: StatusCodes.Status429TooManyRequests);
        }
    }

    /// <summary>Starts a session the server knows, so that signing out can end it for every copy of the cookie.</summary>
    private static async Task<IResult> SignInAsync(HttpContext http, string name, string returnUrl)
    {
        var session = http.RequestServices.GetRequiredService<DashboardCookieEvents>().StartSession();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(DashboardCookieEvents.SessionClaim, session)], DashboardSetup.Scheme);
        await http.SignInAsync(DashboardSetup.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsDashboardPath(returnUrl) ? returnUrl : Home);
    }

    /// <summary>Only back into the dashboard: a sign-in link must not forward anyone to another site.</summary>
    private static bool IsDashboardPath(string url) =>
        url.StartsWith(Home, StringComparison.Ordinal) && !url.Contains('\\') && !url.StartsWith("/dashboard/signin", StringComparison.Ordinal);
}
