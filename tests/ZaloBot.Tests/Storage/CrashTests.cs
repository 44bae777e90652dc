using System.Net.Http.Headers;
using System.Text;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Tests.Storage;

/// <summary>The service killed with <c>kill -9</c> in the middle of a load, then started again on the same data.</summary>
public sealed class CrashTests
{
    private const int Citizens = 40;
    private static readonly string[] Answers = ["X07", .. ZaloBot.Tests.Survey.CitizenSurveyTests.FullRun];

    [Fact]
    public async Task After_kill_9_during_load_every_citizen_ends_with_one_response_with_each_answer_once()
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        var dataDir = BotHost.NewDataDir();
        var settings = BotHost.Settings(zalo, dataDir);
        settings["Zalo:MaxRequestsPerMinute"] = "1000000";
        // What each citizen has had acknowledged: the next answer to send. Zalo delivers an event
        // again until it gets its 200, with the same msg_id.
        var next = new int[Citizens];
        var acknowledged = 0;

        using (var first = await ServiceProcess.StartAsync(settings))
        {
            using var killed = new CancellationTokenSource();
            var load = Task.WhenAll(Enumerable.Range(0, Citizens).Select(i => AnswerAsync(first.BaseUrl, i, next, () => Interlocked.Increment(ref acknowledged), killed.Token)));
            while (Volatile.Read(ref acknowledged) < Citizens * Answers.Length / 2)
                await Task.Delay(5);
            first.Kill();
            await killed.CancelAsync();
            await load;
        }
        Assert.Contains(next, n => n < Answers.Length); // the kill came in the middle

        using (var second = await ServiceProcess.StartAsync(settings))
        {
            await Task.WhenAll(Enumerable.Range(0, Citizens).Select(i => AnswerAsync(second.BaseUrl, i, next, () => { }, CancellationToken.None)));
            await WaitForAsync(() => Enumerable.Range(0, Citizens).All(i => ThanksSentTo(zalo, i)));
            second.Kill();
        }

        await using var reopened = await BotHost.StartAsync(zalo, start: false, dataDir: dataDir);
        var responses = reopened.Get<IResponseStore>().Stream("PKS02_2024").ToList();
        Assert.Equal(Citizens, responses.Count);
        Assert.Equal(Citizens, responses.Select(r => r.RespondentKey).Distinct().Count());
        Assert.All(responses, r =>
        {
            Assert.Equal(["25_49"], r.Answers["age"]);
            Assert.Equal(["dat_dai", "ho_tich"], r.Answers["field"]);
            Assert.Equal(["co"], r.Answers["knows"]);
            Assert.Equal(["Tốt lắm 👍"], r.Answers["comment"]);
            Assert.Equal(responses[0].Answers.OrderBy(a => a.Key).Select(a => (a.Key, string.Join(",", a.Value))), r.Answers.OrderBy(a => a.Key).Select(a => (a.Key, string.Join(",", a.Value))));
        });
        Assert.Equal(Citizens, reopened.Get<IResponseStore>().Count("PKS02_2024"));
    }

    private static string UserOf(int citizen) => "77" + citizen.ToString("D17", System.Globalization.CultureInfo.InvariantCulture);

    private static bool ThanksSentTo(FakeZaloServer zalo, int citizen) =>
        zalo.CallsTo("/v3.0/oa/message/cs").Any(c =>
            c.Json["recipient"]!["user_id"]!.GetValue<string>() == UserOf(citizen)
            && c.Json["message"]!["text"]!.GetValue<string>().Contains("Cảm ơn ông/bà", StringComparison.Ordinal));

    /// <summary>Sends the citizen's answers from the first one not acknowledged, one at a time, until done or the service is gone.</summary>
    private static async Task AnswerAsync(string baseUrl, int citizen, int[] next, Action onAcknowledged, CancellationToken killed)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };
        while (next[citizen] < Answers.Length && !killed.IsCancellationRequested)
        {
            var step = next[citizen];
            var body = BotHost.TextEventOf(UserOf(citizen), Answers[step], $"crash-{citizen}-{step}");
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = content };
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", BotHost.Sign(body));
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                return; // the service is gone: this event was not acknowledged
            }
            next[citizen] = step + 1;
            onAcknowledged();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not every citizen got to the end after the restart");
            await Task.Delay(100);
        }
    }
}
