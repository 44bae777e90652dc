using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>
/// Sign-in: a district official registered in the bot gets a one-time code in Zalo chat; the
/// bootstrap admin uses the configured password. Every answer reads the same whether or not a
/// login name exists, so the page cannot be used to find out who is registered.
/// </summary>
internal static class SignInEndpoints
{
    private const string Home = "/dashboard";
    private const string WrongCode = "Mã không đúng hoặc đã hết hạn. Xin thử lại, hoặc xin mã mới.";

    public static void MapSignIn(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/signin", (HttpContext http, string? returnUrl) => SignInPage(http, returnUrl));
        dashboard.MapPost("/signin", RequestCodeAsync);
        dashboard.MapGet("/signin/code", (HttpContext http, string? login, string? returnUrl) => CodePage(http, login, returnUrl));
        dashboard.MapPost("/signin/code", EnterCodeAsync);
        dashboard.MapPost("/signin/admin", AdminAsync);
        dashboard.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(DashboardSetup.Scheme);
            return Results.Redirect("/dashboard/signin");
        });
    }

    private static IResult SignInPage(HttpContext http, string? returnUrl, string? error = null) => Bare("Đăng nhập", $"""
        <section class="card">
        {(error is null ? "" : $"""<p class="error">{E(error)}</p>""")}
        {Form(http, "/dashboard/signin", $"""
            <label for="login">Tên đăng nhập (ví dụ: cb03)</label>
            <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" required />
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}" />
            <button type="submit">Nhận mã qua Zalo</button>
            """, "stack")}
        <p class="note">Cán bộ huyện đã đăng ký với OA nhận mã đăng nhập trong tin nhắn Zalo.</p>
        </section>
        <details class="card"><summary>Quản trị viên</summary>
        {Form(http, "/dashboard/signin/admin", $"""
            <label for="password">Mật khẩu quản trị</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}" />
            <button type="submit">Đăng nhập</button>
            """, "stack")}
        </details>
        """, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    private static IResult CodePage(HttpContext http, string? login, string? returnUrl, string? error = null) => Bare("Nhập mã đăng nhập", $"""
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
        """, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    private static async Task<IResult> RequestCodeAsync(HttpContext http, IStaffStore staff, SignInCodes codes, Outbox outbox)
    {
        var form = await http.Request.ReadFormAsync();
        var login = form["login"].ToString().Trim();
        if (staff.FindByLogin(login) is { Role: StaffRole.District } member && codes.Issue(member) is { } code)
            outbox.SendText(staff.UserIdOf(member), $"Mã đăng nhập trang tổng hợp khảo sát PKS02: {code}. Mã dùng một lần, trong {(int)SignInCodes.Lifetime.TotalMinutes} phút. Nếu không phải ông/bà vừa yêu cầu, xin bỏ qua tin nhắn này.");
        return Results.Redirect($"/dashboard/signin/code{QueryString.Create("login", login).Add("returnUrl", form["returnUrl"].ToString())}");
    }

    private static async Task<IResult> EnterCodeAsync(HttpContext http, IStaffStore staff, SignInCodes codes)
    {
        var form = await http.Request.ReadFormAsync();
        var (login, returnUrl) = (form["login"].ToString(), form["returnUrl"].ToString());
        return staff.FindByLogin(login) is { Role: StaffRole.District } member && codes.Redeem(member, form["code"].ToString())
            ? await SignInAsync(http, member.LoginName, returnUrl)
            : CodePage(http, login, returnUrl, WrongCode);
    }

    private static async Task<IResult> AdminAsync(HttpContext http, AdminPassword admin)
    {
        var form = await http.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        return admin.Verify(form["password"].ToString())
            ? await SignInAsync(http, AdminPassword.UserName, returnUrl)
            : SignInPage(http, returnUrl, "Mật khẩu không đúng.");
    }

    private static async Task<IResult> SignInAsync(HttpContext http, string name, string returnUrl)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], DashboardSetup.Scheme);
        await http.SignInAsync(DashboardSetup.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsDashboardPath(returnUrl) ? returnUrl : Home);
    }

    /// <summary>Only back into the dashboard: a sign-in link must not forward anyone to another site.</summary>
    private static bool IsDashboardPath(string url) =>
        url.StartsWith(Home, StringComparison.Ordinal) && !url.Contains('\\') && !url.StartsWith("/dashboard/signin", StringComparison.Ordinal);
}
