using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
