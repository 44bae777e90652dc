using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Webhook;

public sealed class WebhookIntakeTests : BotTests
{
    private const string Citizen = "2468458835296197922";
    [Fact]
    public async Task Healthz_answers_200_once_ready()
    {
        var response = await Bot.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_text_event_gives_exactly_one_reply_with_the_right_header_and_body()
    {
        var response = await Bot.SendTextAsync(Citizen, "X07");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Bot.IdleAsync();

        var call = Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs"));
        Assert.Equal("access-1", call.Headers["access_token"]);
        Assert.StartsWith("application/json", call.Headers["content-type"]);
        var body = call.Json;
        Assert.Equal(Citizen, body["recipient"]!["user_id"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["message"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_same_event_delivered_three_times_gives_one_reply()
    {
        var body = Bot.TextEvent(Citizen, "X07");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Bot.PostEventAsync(body)).StatusCode);
        await Bot.IdleAsync();
        Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs"));
    }

    [Fact]
    public async Task The_same_event_delivered_three_times_at_once_gives_one_reply()
    {
        var body = Bot.TextEvent(Citizen, "X07");
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Bot.PostEventAsync(body)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Bot.IdleAsync();
        Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs"));
        Assert.Single(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_bad_signature_is_refused_with_401_and_nothing_is_stored()
    {
        var body = Bot.TextEvent(Citizen, "X07");
        var response = await Bot.PostEventAsync(body, BotHost.Sign(body, "another-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_missing_signature_is_refused_with_401()
    {
        var response = await Bot.PostRawAsync(Encoding.UTF8.GetBytes(Bot.TextEvent(Citizen, "X07")), signature: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task An_event_for_another_app_is_refused_even_when_correctly_signed()
    {
        var node = JsonNode.Parse(Bot.TextEvent(Citizen, "X07"))!;
        node["app_id"] = "1111111111111111111";
        var response = await Bot.PostEventAsync(node.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task An_empty_body_is_a_400_with_a_reason()
    {
        var response = await Bot.PostRawAsync([], "mac=00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        var response = await Bot.PostRawAsync(Encoding.UTF8.GetBytes("event_name=follow"), "mac=00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_event_with_a_lone_surrogate_escape_is_a_400_and_nothing_is_stored()
    {
        var body = Bot.TextEvent(Citizen, "X07").Replace("\"text\":\"X07\"", "\"text\":\"X07\\ud800\"", StringComparison.Ordinal);
        Assert.Contains("\\ud800", body);

        var response = await Bot.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_signed_event_with_bytes_that_are_not_UTF8_is_a_400_and_nothing_is_stored()
    {
        var body = Encoding.UTF8.GetBytes(Bot.TextEvent(Citizen, "X07-PLACE"));
        var at = body.AsSpan().IndexOf("PLACE"u8);
        body[at] = 0xC3; // starts a two-byte sequence…
        body[at + 1] = 0x28; // …that never continues
        var node = JsonNode.Parse(Encoding.Latin1.GetString(body))!;

        var response = await Bot.PostRawAsync(body, SignatureVerifier.Compute(BotHost.AppId, body, node["timestamp"]!.ToString(), BotHost.OaSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_signed_event_without_event_name_is_a_400()
    {
        var body = """{"app_id":"3608465248940903967","sender":{"id":"1"},"timestamp":"1718166000123"}""";
        var response = await Bot.PostEventAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_signed_event_older_than_the_dedupe_window_is_refused_and_not_stored()
    {
        var old = System.Text.Json.Nodes.JsonNode.Parse(Bot.TextEvent(Citizen, "X07"))!.AsObject();
        old["timestamp"] = DateTimeOffset.UtcNow.AddDays(-8).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await Bot.PostEventAsync(old.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dedupe window", await response.Content.ReadAsStringAsync());
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_one_megabyte_body_is_a_413()
    {
        var text = new string('a', 1024 * 1024);
        var response = await Bot.PostEventAsync(Bot.TextEvent(Citizen, text));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Bot.Get<Inbox>().Queue.All());
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_read_whole_and_refused_past_256_KB()
    {
        // Chunked: the body is read through a growing buffer rather than one of the announced size.
        var padding = new string('a', 100 * 1024);
        var fits = Bot.TextEvent(Citizen, "X07 " + padding);
        Assert.Equal(HttpStatusCode.OK, (await PostChunkedAsync(fits)).StatusCode);
        var stored = Assert.Single(Bot.Get<Inbox>().Queue.All());

        var tooLarge = Bot.TextEvent(Citizen, new string('a', 300 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostChunkedAsync(tooLarge)).StatusCode);
        Assert.Equal([stored.Id], Bot.Get<Inbox>().Queue.All().Select(x => x.Id));
    }

    private async Task<HttpResponseMessage> PostChunkedAsync(string body)
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(SignatureVerifier.Header, BotHost.Sign(body));
        return await Bot.Http.SendAsync(request);
    }

    [Fact]
    public async Task An_unknown_event_name_is_accepted_and_ignored()
    {
        var body = """{"app_id":"3608465248940903967","sender":{"id":"2468458835296197922"},"recipient":{"id":"388613280878808645"},"event_name":"user_reacted_message","message":{"msg_id":"r1"},"timestamp":"TS"}""".Replace("TS", Fixtures.Now);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostEventAsync(body)).StatusCode);
        await Bot.IdleAsync();
        Assert.Empty(Zalo.CallsTo("/v3.0/oa/message/cs"));
        Assert.Equal(QueueStatusDone, Assert.Single(Bot.Get<Inbox>().Queue.All()).Status);
    }

    [Fact]
    public async Task Numbers_where_strings_belong_are_read_digit_for_digit()
    {
        var body = """{"app_id":3608465248940903967,"sender":{"id":2468458835296197922},"recipient":{"id":388613280878808645},"event_name":"user_send_text","message":{"text":"X07","msg_id":"n1"},"timestamp":TS}""".Replace("TS", Fixtures.Now);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostEventAsync(body)).StatusCode);
        await Bot.IdleAsync();
        var call = Assert.Single(Zalo.CallsTo("/v3.0/oa/message/cs"));
        Assert.Equal(Citizen, call.Json["recipient"]!["user_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vietnamese_with_diacritics_and_emoji_arrives_intact()
    {
        var body = Fixtures.Fresh("user_send_text_diacritics_emoji.json");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostEventAsync(body)).StatusCode);
        await Bot.IdleAsync();
        // Not a commune: the greeting, then the communes to choose from.
        Assert.Equal(2, Zalo.CallsTo("/v3.0/oa/message/cs").Count);
    }

    [Fact]
    public async Task Stored_events_do_not_show_the_user_id_or_text_in_clear()
    {
        await Bot.SendTextAsync(Citizen, "Bí mật 123");
        var item = Assert.Single(Bot.Get<Inbox>().Queue.All());
        Assert.DoesNotContain(Citizen, item.Payload ?? "");
        Assert.DoesNotContain(Citizen, item.Partition);
        Assert.DoesNotContain(Citizen, item.Key);
        await Bot.IdleAsync();
        Assert.Null(Bot.Get<Inbox>().Queue.All().Single().Payload);
    }

    private const ZaloBot.Storage.QueueStatus QueueStatusDone = ZaloBot.Storage.QueueStatus.Done;
}
