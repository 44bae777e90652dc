using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ZaloBot.Webhook;

namespace ZaloBot.Benchmarks;

/// <summary>What one phase measured: how many requests were answered 200, in how long, and each one's latency.</summary>
internal sealed record Phase(int Ok, int Failed, TimeSpan Elapsed, List<double> LatenciesMs)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
            return double.NaN;
        var sorted = LatenciesMs.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}

/// <summary>
/// One load generator for every target, so the baselines and the service are measured alike: signed
/// webhook bodies posted over HTTP/1.1 keep-alive connections on 127.0.0.1, closed loop (a fixed
/// number of requests in flight) or open loop (a fixed rate, latency counted from when each request
/// was due, so a stall is not hidden by the requests it delays).
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Task<Phase> ClosedLoopAsync(string url, Func<int, string> body, int connections, TimeSpan duration) =>
        ClosedLoopAsync(_ => url, body, connections, duration);

    /// <summary>The closed loop with the n-th request sent to <paramref name="url"/>(n): several instances sharing the load.</summary>
    public async Task<Phase> ClosedLoopAsync(Func<int, string> url, Func<int, string> body, int connections, TimeSpan duration)
    {
        var latencies = new List<double>();
        int ok = 0, failed = 0, next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                var n = Interlocked.Increment(ref next);
                var success = await PostAsync(url(n), body(n));
                Record(success, watch.Elapsed.TotalMilliseconds);
            }
        }));
        return new Phase(ok, failed, clock.Elapsed, latencies);

        void Record(bool success, double ms)
        {
            lock (latencies)
            {
                latencies.Add(ms);
                if (success) ok++; else failed++;
            }
        }
    }

    public Task<Phase> OpenLoopAsync(string url, Func<int, string> body, int perSecond, TimeSpan duration, Action<int, long>? sent = null) =>
        OpenLoopAsync(_ => url, body, perSecond, duration, sent);

    /// <summary>The open loop with the n-th request sent to <paramref name="url"/>(n).</summary>
    public async Task<Phase> OpenLoopAsync(Func<int, string> url, Func<int, string> body, int perSecond, TimeSpan duration, Action<int, long>? sent = null)
    {
        var latencies = new List<double>();
        int ok = 0, failed = 0;
        var total = (int)(perSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var n = i;
            var dueTicks = (long)(due.TotalSeconds * Stopwatch.Frequency);
            sent?.Invoke(n, dueTicks);
            requests.Add(Task.Run(async () =>
            {
                var success = await PostAsync(url(n), body(n));
                var ms = (clock.ElapsedTicks - dueTicks) * 1000.0 / Stopwatch.Frequency;
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (success) ok++; else failed++;
                }
            }));
        }
        await Task.WhenAll(requests);
        return new Phase(ok, failed, clock.Elapsed, latencies);
    }

    private async Task<bool> PostAsync(string url, string body)
    {
        try
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.TryAddWithoutValidation(SignatureVerifier.Header, Tests.Support.BotHost.Sign(body));
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => http.Dispose();
}
