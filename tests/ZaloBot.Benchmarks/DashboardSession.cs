using System.Net;
using System.Text.RegularExpressions;

namespace ZaloBot.Benchmarks;

/// <summary>The dashboard signed in with the admin password, as a browser would (cookies, anti-forgery token).</summary>
internal sealed partial class DashboardSession(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromMinutes(30), // a whole-survey export on a busy machine
    };

    public async Task SignInAsync(string password)
    {
        var page = await http.GetStringAsync("/dashboard/signin");
        var token = Token().Match(page).Groups[1].Value;
        using var response = await http.PostAsync("/dashboard/signin/admin", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", token),
            KeyValuePair.Create("password", password),
            KeyValuePair.Create("returnUrl", ""),
        ]));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in to the dashboard failed: {response.StatusCode}");
    }

    public async Task GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Downloads a file as a browser saves it, a buffer at a time; returns its size in bytes.</summary>
    public async Task<long> DownloadAsync(string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
            size += read;
        return size;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
