using System.Net;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Operations;

/// <summary>
/// Every service in one process feeds the same-named meter, so these run alone: the counts are
/// this test's own. (A deployed service is one per process.)
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>/metrics in Prometheus's format, for this machine only unless Metrics:AllowRemote.</summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests : BotTests
{
    private const string Citizen = "5500000000000000077";

    private async Task<string> MetricsAsync()
    {
        using var response = await Bot.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metrics_count_events_duplicates_refusals_handling_and_Zalo_calls_without_ids_or_texts()
    {
        var body = Bot.TextEvent(Citizen, "X07");
        await Bot.PostEventAsync(body);
        await Bot.PostEventAsync(body); // Zalo delivering it again
        await Bot.PostEventAsync(Bot.TextEvent(Citizen, "1"), signature: "mac=0000");
        await Bot.IdleAsync();

        var text = await MetricsAsync();

        Assert.Contains("zalobot_webhook_events_total{otel_scope_name=\"ZaloBot\",kind=\"user_send_text\"} 1", text);
        Assert.Contains("zalobot_webhook_duplicates_total{otel_scope_name=\"ZaloBot\",kind=\"user_send_text\"} 1", text);
        Assert.Contains("zalobot_webhook_refused_total{otel_scope_name=\"ZaloBot\",reason=\"bad_signature\"} 1", text);
        Assert.Contains("zalobot_queue_handled_total{otel_scope_name=\"ZaloBot\",kind=\"user_send_text\",queue=\"inbox\"} 1", text);
        Assert.Matches("zalobot_zalo_calls_total\\{otel_scope_name=\"ZaloBot\",code=\"[^\"]+\",outcome=\"Sent\"\\} [1-9]", text);
        Assert.Contains("zalobot_queue_depth{otel_scope_name=\"ZaloBot\",queue=\"outbox\"} 0", text);
        Assert.Contains("zalobot_queue_oldest_due_age_seconds{otel_scope_name=\"ZaloBot\",queue=\"inbox\"} 0", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("dotnet_gc_", text);
        Assert.DoesNotContain(Citizen, text);
        Assert.DoesNotContain("X07", text);
    }

    [Fact]
    public async Task A_request_forwarded_by_a_proxy_does_not_see_the_metrics()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_AllowRemote_a_forwarded_request_sees_them()
    {
        await using var open = await BotHost.StartAsync(Zalo, new Dictionary<string, string?> { ["Metrics:AllowRemote"] = "true" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await open.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
