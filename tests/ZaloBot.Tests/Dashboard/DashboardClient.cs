using System.Net;
using System.Text.RegularExpressions;

namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// The dashboard as a browser uses it, over HTTP: cookies kept, redirects not followed (so tests
/// see them), and forms posted with the anti-forgery token of the page that served them.
/// </summary>
internal sealed partial class DashboardClient : IDisposable
{
    public const string AdminPassword = "mat-khau-quan-tri-2024";

    public DashboardClient(string baseUrl) =>
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = new Uri(baseUrl) };

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Headers sent with form posts only (a proxy's X-Forwarded-For or X-Forwarded-Proto).</summary>
    public Dictionary<string, string> PostHeaders { get; } = [];

    /// <summary>Opens <paramref name="page"/> and submits its form to <paramref name="action"/> with these fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await Http.GetStringAsync(page);
        var token = Token().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return await PostAsync(action, [("__RequestVerificationToken", token), .. fields]);
    }

    /// <summary>Opens <paramref name="page"/> and uploads <paramref name="content"/> as its form's file field, with the page's token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string page, string action, string field, string fileName, byte[] content, bool withToken = true)
    {
        var html = await Http.GetStringAsync(page);
        using var form = new MultipartFormDataContent();
        if (withToken)
            form.Add(new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), field, fileName);
        return await Http.PostAsync(action, form);
    }

    /// <summary>The anti-forgery token of a page already fetched, for a form posted from it.</summary>
    public static string TokenOf(string html) => Token().Match(html).Groups[1].Value;

    public async Task<HttpResponseMessage> PostAsync(string action, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) };
        foreach (var (name, value) in PostHeaders)
            request.Headers.Add(name, value);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SubmitAdminPasswordAsync(string password, string returnUrl = "") =>
        SubmitAsync("/dashboard/signin", "/dashboard/signin/admin", ("password", password), ("returnUrl", returnUrl));

    public async Task SignInAsAdminAsync(string password = AdminPassword)
    {
        using var response = await SubmitAdminPasswordAsync(password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public Task<HttpResponseMessage> RequestCodeAsync(string login) =>
        SubmitAsync("/dashboard/signin", "/dashboard/signin", ("login", login), ("returnUrl", ""));

    public Task<HttpResponseMessage> EnterCodeAsync(string login, string code, string returnUrl = "") =>
        SubmitAsync($"/dashboard/signin/code?login={login}", "/dashboard/signin/code", ("login", login), ("code", code), ("returnUrl", returnUrl));

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
