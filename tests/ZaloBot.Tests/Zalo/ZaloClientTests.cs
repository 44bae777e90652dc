using ZaloBot.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Zalo;

public sealed class ZaloClientTests : BotTests
{
    private const string User = "2468458835296197922";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Client.TransientDelay = TimeSpan.FromMilliseconds(20);
    }

    private ZaloClient Client => Bot.Get<ZaloClient>();

    [Fact]
    public async Task An_invalid_token_leads_to_one_refresh_the_new_pair_stored_and_a_successful_retry()
    {
        Zalo.ValidTokens.Clear();

        var result = await Client.SendTextAsync(User, "Xin chào", CancellationToken.None);

        Assert.Equal(ZaloOutcome.Sent, result.Outcome);
        var refresh = Assert.Single(Zalo.CallsTo("/v4/oa/access_token"));
        Assert.Equal("app-secret", refresh.Headers["secret_key"]);
        Assert.Equal(("refresh-1", BotHost.AppId), (refresh.Form["refresh_token"], refresh.Form["app_id"]));
        Assert.Equal("refresh_token", refresh.Form["grant_type"]);
        var sends = Zalo.CallsTo("/v3.0/oa/message/cs");
        Assert.Equal(["access-1", "access-new-1"], sends.Select(c => c.Headers["access_token"]));
        var stored = Bot.Get<TokenStore>().Current();
        Assert.Equal(("access-new-1", "refresh-new-1"), (stored.AccessToken, stored.RefreshToken));
        Assert.NotNull(stored.ExpiresAt);
    }

    [Fact]
    public async Task The_stored_pair_wins_over_configuration_after_a_restart()
    {
        Zalo.ValidTokens.Clear();
        await Client.SendTextAsync(User, "một", CancellationToken.None);
        await Bot.RestartAsync();

        await Bot.Get<ZaloClient>().SendTextAsync(User, "hai", CancellationToken.None);

        Assert.Equal("access-new-1", Zalo.CallsTo("/v3.0/oa/message/cs")[^1].Headers["access_token"]);
        Assert.Single(Zalo.CallsTo("/v4/oa/access_token"));
    }

    [Fact]
    public async Task Concurrent_invalid_token_answers_refresh_only_once()
    {
        Zalo.ValidTokens.Clear();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Client.SendTextAsync(User, "tin " + i, CancellationToken.None)));
        Assert.All(results, r => Assert.Equal(ZaloOutcome.Sent, r.Outcome));
        Assert.Single(Zalo.CallsTo("/v4/oa/access_token"));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_good_pair_and_asks_to_retry_later()
    {
        Zalo.ValidTokens.Clear();
        Zalo.TokenAnswer = _ => Fixtures.Text("token_refresh_response_error.json");

        var result = await Client.SendTextAsync(User, "Xin chào", CancellationToken.None);

        Assert.Equal(ZaloOutcome.RetryLater, result.Outcome);
        var stored = Bot.Get<TokenStore>().Current();
        Assert.Equal(("access-1", "refresh-1"), (stored.AccessToken, stored.RefreshToken));
    }

    [Fact]
    public async Task An_empty_refresh_answer_never_overwrites_the_pair()
    {
        Zalo.ValidTokens.Clear();
        Zalo.TokenAnswer = _ => """{"access_token":"","refresh_token":"","expires_in":"90000"}""";
        await Client.SendTextAsync(User, "Xin chào", CancellationToken.None);
        Assert.Equal("refresh-1", Bot.Get<TokenStore>().Current().RefreshToken);
    }

    [Fact]
    public async Task A_token_close_to_expiry_is_refreshed_before_the_call()
    {
        Bot.Get<TokenStore>().Save(new TokenPair("access-1", "refresh-1", DateTime.UtcNow.AddHours(1)));
        await Client.SendTextAsync(User, "Xin chào", CancellationToken.None);
        Assert.Single(Zalo.CallsTo("/v4/oa/access_token"));
        Assert.Equal("access-new-1", Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs")).Headers["access_token"]);
    }

    [Theory]
    [InlineData(-213)]
    [InlineData(-230)]
    [InlineData(-232)]
    public async Task An_unreachable_user_stops_without_retrying(int code)
    {
        Zalo.Enqueue("/v3.0/oa/message/cs", $$"""{"error":{{code}},"message":"no"}""");
        var result = await Client.SendTextAsync(User, "Xin chào", CancellationToken.None);
        Assert.Equal((ZaloOutcome.GaveUp, code), (result.Outcome, result.Code));
        Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs"));
    }

    [Fact]
    public async Task Rate_limited_answers_are_retried_with_backoff()
    {
        Zalo.Enqueue("/v3.0/oa/message/cs", Fixtures.Text("send_response_rate_limited.json"));
        Zalo.Enqueue("/v3.0/oa/message/cs", "busy", status: 503);
        var result = await Client.SendTextAsync(User, "Xin chào", CancellationToken.None);
        Assert.Equal(ZaloOutcome.Sent, result.Outcome);
        Assert.Equal(3, Zalo.CallsTo("/v3.0/oa/message/cs").Count);
    }

    [Fact]
    public async Task A_connection_failure_asks_to_retry_later()
    {
        await using var down = await BotHost.StartAsync(Zalo, new Dictionary<string, string?> { ["Zalo:OpenApiBaseUrl"] = "http://127.0.0.1:9" });
        var client = down.Get<ZaloClient>();
        client.TransientDelay = TimeSpan.FromMilliseconds(10);
        var result = await client.SendTextAsync(User, "Xin chào", CancellationToken.None);
        Assert.Equal(ZaloOutcome.RetryLater, result.Outcome);
    }

    [Fact]
    public async Task Group_text_uses_the_group_endpoint_and_shape()
    {
        var result = await Client.SendGroupTextAsync("f414c8f76fa586fbdfb4", "Báo cáo ngày", CancellationToken.None);
        Assert.True(result.Succeeded);
        var body = Assert.Single(Zalo.CallsTo("/v3.0/oa/group/message")).Json;
        Assert.Equal("f414c8f76fa586fbdfb4", body["recipient"]!["group_id"]!.GetValue<string>());
        Assert.Equal("Báo cáo ngày", body["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_sends_multipart_field_file_and_returns_the_attachment_id()
    {
        var result = await Client.UploadImageAsync([0x89, 0x50, 0x4E, 0x47], "chart.png", "image/png", CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.StartsWith("att-", result.Id);
        var call = Assert.Single(Zalo.CallsTo("/v2.0/oa/upload/image"));
        Assert.Equal("file:chart.png:4", call.Form["file"]);
        Assert.Equal("access-1", call.Headers["access_token"]);
    }

    [Fact]
    public async Task A_group_image_falls_back_to_the_other_attachment_shape_when_refused()
    {
        Zalo.Enqueue("/v3.0/oa/group/message", """{"error":-233,"message":"message type invalid"}""");
        var result = await Client.SendGroupImageAsync("g1", "att-9", "Biểu đồ", CancellationToken.None);
        Assert.True(result.Succeeded);
        var types = Zalo.CallsTo("/v3.0/oa/group/message").Select(c => c.Json["message"]!["attachment"]!["type"]!.GetValue<string>());
        Assert.Equal(["template", "image"], types);
    }

    [Fact]
    public async Task The_outbox_records_zalos_message_id_or_the_failure_code()
    {
        Zalo.Enqueue("/v3.0/oa/message/cs", Fixtures.Text("send_response_outside_window.json"));
        var outbox = Bot.Get<Outbox>();
        outbox.SendText(User, "một");
        await Bot.IdleAsync();
        outbox.SendText(User, "hai");
        await Bot.IdleAsync();

        var items = outbox.Queue.All().OrderBy(i => i.Id).ToList();
        Assert.Equal((QueueStatus.Failed, -230), (items[0].Status, items[0].Code));
        Assert.Equal(QueueStatus.Done, items[1].Status);
        Assert.StartsWith("mid-", items[1].Result);
        Assert.Null(items[1].Payload);
    }
}
