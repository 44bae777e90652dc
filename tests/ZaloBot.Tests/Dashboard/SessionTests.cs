using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

/// <summary>Session cookies: ended on the server at sign-out, secure behind an HTTPS proxy.</summary>
public sealed class SessionTests : DashboardTests
{
    private string SessionCookie(DashboardClient client) =>
        client.Cookies.GetCookies(new Uri(Bot.BaseUrl + "/dashboard"))["pks02.session"]!.Value;

    private async Task<HttpStatusCode> GetWithCookieAsync(string cookie)
    {
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Bot.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/quality");
        request.Headers.Add("Cookie", "pks02.session=" + cookie);
        using var response = await other.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works()
    {
        await Client.SignInAsAdminAsync();
        var copied = SessionCookie(Client);
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(copied));

        using var signedOut = await Client.SubmitAsync("/dashboard/quality", "/dashboard/signout");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(copied));
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_the_service()
    {
        await Client.SignInAsAdminAsync();
        var cookie = SessionCookie(Client);

        await Bot.RestartAsync();

        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(cookie));
    }

    [Fact]
    public async Task Behind_an_https_proxy_the_session_cookie_is_secure_and_over_plain_http_it_is_not()
    {
        using var plain = await Client.SubmitAdminPasswordAsync(DashboardClient.AdminPassword);
        using var proxied = new DashboardClient(Bot.BaseUrl);
        proxied.PostHeaders["X-Forwarded-Proto"] = "https";
        using var secure = await proxied.SubmitAdminPasswordAsync(DashboardClient.AdminPassword);

        static string Cookie(HttpResponseMessage r) => Assert.Single(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pks02.session=", StringComparison.Ordinal));
        Assert.Contains("; secure", Cookie(secure), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", Cookie(plain), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_this_machine_and_the_configured_proxies_only()
    {
        await using var host = await BotHost.StartAsync(Zalo, new Dictionary<string, string?> { ["Dashboard:TrustedProxies:0"] = "10.0.0.5" });

        var forwarded = host.Get<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Contains(IPAddress.Parse("10.0.0.5"), forwarded.KnownProxies);
        Assert.Contains(IPAddress.IPv6Loopback, forwarded.KnownProxies);
        Assert.DoesNotContain(IPAddress.Parse("10.0.0.6"), forwarded.KnownProxies);
    }
}
