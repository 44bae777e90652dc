using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

/// <summary>The bootstrap admin password across restarts of the service on one data file.</summary>
public sealed class AdminPasswordTests : IDisposable
{
    private const string First = "mat-khau-dau-tien-1";
    private const string Second = "mat-khau-thu-hai-22";

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N"));

    private string DataFile => Path.Combine(dataDir, "survey.db");

    /// <summary>Starts the service on the shared data file with these settings and tries each password.</summary>
    private async Task<IReadOnlyList<HttpStatusCode>> TryPasswordsAsync(string[] settings, params string[] passwords)
    {
        await using var host = await WebApplicationHandle.StartSandboxAsync(["--Storage:Path=" + DataFile, .. settings]);
        var answers = new List<HttpStatusCode>();
        foreach (var password in passwords)
        {
            using var client = new DashboardClient(host.Http.BaseAddress!.ToString());
            using var response = await client.SubmitAdminPasswordAsync(password);
            answers.Add(response.StatusCode);
        }
        return answers;
    }

    [Fact]
    public async Task The_password_is_stored_hashed_and_wins_over_a_changed_configuration_until_replaced()
    {
        Assert.Equal([HttpStatusCode.Redirect], await TryPasswordsAsync(["--Dashboard:AdminPassword=" + First], First));
        Assert.DoesNotContain(First, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(DataFile)));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Unauthorized],
            await TryPasswordsAsync(["--Dashboard:AdminPassword=" + Second], First, Second));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Redirect],
            await TryPasswordsAsync(["--Dashboard:AdminPassword=" + Second, "--Dashboard:ReplaceAdminPassword=true"], First, Second));
    }

    [Fact]
    public async Task Without_a_configured_password_there_is_no_admin_sign_in()
    {
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], await TryPasswordsAsync([], "", First));
    }

    [Fact]
    public async Task A_password_too_short_stops_the_start_naming_the_setting()
    {
        await using var app = ZaloBotApp.Build(["--urls=http://127.0.0.1:0", "--Storage:Path=" + DataFile, "--Dashboard:AdminPassword=ngan"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Dashboard:AdminPassword must be at least 10 characters.", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
            Directory.Delete(dataDir, recursive: true);
    }
}
