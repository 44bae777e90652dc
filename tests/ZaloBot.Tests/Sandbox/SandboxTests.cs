using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZaloBot.Tests.Volunteers;
using ZaloBot.Sandbox;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Sandbox;

/// <summary>The embedded default: no credentials, the real client talking to the in-process emulator.</summary>
public sealed class SandboxTests : IAsyncLifetime
{
    private WebApplicationHandle host = null!;

    public async Task InitializeAsync() => host = await WebApplicationHandle.StartSandboxAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_sandbox_page_is_served()
    {
        var html = await host.Http.GetStringAsync("/sandbox");
        Assert.Contains("Zalo sandbox", html);
    }

    [Fact]
    public async Task A_message_typed_on_the_page_goes_through_the_signed_webhook_and_the_bot_answers_in_the_feed()
    {
        var response = await host.Http.PostAsJsonAsync("/sandbox/api/send", new { userId = "7000000000000000001", text = "Xin chào" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookStatus").GetInt32());

        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<SandboxMessage> feed = [];
        while (DateTime.UtcNow < deadline && !feed.Any(m => m.From == "oa"))
        {
            await Task.Delay(50);
            feed = host.Get<SandboxState>().After(0);
        }
        Assert.Contains(feed, m => m.From == "oa" && m.Conversation == "user:7000000000000000001");
    }

    [Fact]
    public async Task A_user_id_that_is_not_digits_is_refused_with_a_reason()
    {
        var response = await host.Http.PostAsJsonAsync("/sandbox/api/send", new { userId = "abc", text = "hi" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("digits", await response.Content.ReadAsStringAsync());
    }

    private Task<JsonElement> SendAsOaAsync(string accessToken) => PostAsync("/sandbox/zalo/v3.0/oa/message/cs", accessToken,
        JsonContent.Create(new { recipient = new { user_id = "7000000000000000001" }, message = new { text = "Xin chào" } }));

    private async Task<JsonElement> PostAsync(string path, string? accessToken, HttpContent content, string? secretKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (accessToken is not null)
            request.Headers.Add("access_token", accessToken);
        if (secretKey is not null)
            request.Headers.Add("secret_key", secretKey);
        using var response = await host.Http.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_emulator_accepts_only_the_access_token_it_was_configured_with_or_issued()
    {
        Assert.Equal(-216, (await SendAsOaAsync("made-up-token")).GetProperty("error").GetInt32());
        Assert.Equal(-216, (await SendAsOaAsync("sandbox-access-000000000000.0000000000000000")).GetProperty("error").GetInt32());
        Assert.Equal(0, (await SendAsOaAsync("sandbox-access-token")).GetProperty("error").GetInt32());

        var refused = await PostAsync("/sandbox/zalo/v4/oa/access_token", null, Form("made-up-refresh"), "sandbox-app-secret");
        var issued = await PostAsync("/sandbox/zalo/v4/oa/access_token", null, Form("sandbox-refresh-token"), "sandbox-app-secret");

        Assert.Equal(-14014, refused.GetProperty("error").GetInt32());
        Assert.Equal(0, (await SendAsOaAsync(issued.GetProperty("access_token").GetString()!)).GetProperty("error").GetInt32());
    }

    private static FormUrlEncodedContent Form(string refreshToken) =>
        new([KeyValuePair.Create("app_id", "1000000000000000001"), KeyValuePair.Create("grant_type", "refresh_token"), KeyValuePair.Create("refresh_token", refreshToken)]);

    [Fact]
    public async Task Sandbox_media_is_served_as_the_image_type_its_bytes_show_and_never_sniffed()
    {
        var state = host.Get<SandboxState>();

        using var png = await host.Http.GetAsync("/sandbox/media/" + state.StoreMedia(ImageServer.Png, "text/html"));
        using var page = await host.Http.GetAsync("/sandbox/media/" + state.StoreMedia("<script>alert(1)</script>"u8.ToArray(), "image/jpeg"));

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", png.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, page.StatusCode);
        Assert.Equal("nosniff", string.Join(",", page.Headers.GetValues("X-Content-Type-Options")));
    }
}

/// <summary>The sandbox lets anyone chat as anyone, so it listens on this machine only unless told otherwise.</summary>
public sealed class SandboxListeningTests
{
    private static readonly string DataFile = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N"), "survey.db");

    [Fact]
    public async Task Without_a_configured_address_the_sandbox_listens_on_loopback()
    {
        await using var app = ZaloBotApp.Build(["--Storage:Path=" + DataFile]);

        Assert.Equal(SandboxSetup.DefaultUrl, app.Configuration["urls"]);
        Assert.Equal("http://127.0.0.1:5000", SandboxSetup.DefaultUrl);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.20:5080")]
    public async Task An_address_other_machines_can_reach_stops_the_start_with_one_line(string urls)
    {
        var error = new StringWriter();

        var exit = await ZaloBotApp.RunAsync(["--urls=" + urls, "--Storage:Path=" + DataFile], error);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Sandbox mode listens on this machine only", line);
        Assert.Contains("Sandbox:AllowRemote=true", line);
    }

    [Fact]
    public async Task With_AllowRemote_the_sandbox_may_listen_on_every_address()
    {
        await using var app = ZaloBotApp.Build(["--urls=http://0.0.0.0:5080", "--Sandbox:AllowRemote=true", "--Storage:Path=" + DataFile]);

        Assert.Equal("http://0.0.0.0:5080", app.Configuration["urls"]);
    }
}
