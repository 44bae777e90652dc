// Load benchmark: signed webhook events into the real service on 127.0.0.1, replies out to a fake
// Zalo server on 127.0.0.1. Measures the webhook's answer time (Zalo wants 200 within 2 s), how
// long the workers take to answer everyone, and the process's memory.
//
//   dotnet run -c Release --project tests/ZaloBot.Benchmarks -- [citizens] [concurrency]
using System.Diagnostics;
using System.Globalization;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;

var citizens = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
string[] answers = ["X07", "2", "1", "1,3", "1", "2", "2", "1", "1", "2", "1", "Tốt lắm", "1"];

await using var zalo = await FakeZaloServer.StartAsync();
await using var bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?> { ["Zalo:MaxRequestsPerMinute"] = "1000000" });

var latencies = new List<double>();
var total = Stopwatch.StartNew();
foreach (var step in answers)
{
    // One round: every citizen sends their next answer, `concurrency` requests in flight at a time.
    using var gate = new SemaphoreSlim(concurrency);
    var round = Enumerable.Range(0, citizens).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            using var response = await bot.SendTextAsync("8" + i.ToString("D18", CultureInfo.InvariantCulture), step);
            response.EnsureSuccessStatusCode();
            lock (latencies)
                latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        finally
        {
            gate.Release();
        }
    });
    await Task.WhenAll(round);
    await bot.IdleAsync(TimeSpan.FromMinutes(5));
}
total.Stop();

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
var stored = bot.Get<IResponseStore>().Count("PKS02_2024");
var events = citizens * answers.Length;
Console.WriteLine($"citizens={citizens} concurrency={concurrency} events={events} responses_stored={stored} replies_sent={zalo.CallsTo("/v3.0/oa/message/cs").Count}");
Console.WriteLine($"webhook answer ms: p50={Percentile(0.50):F1} p95={Percentile(0.95):F1} p99={Percentile(0.99):F1} max={latencies[^1]:F1}");
Console.WriteLine($"end to end: {total.Elapsed.TotalSeconds:F1} s, {events / total.Elapsed.TotalSeconds:F0} events/s handled and answered");
Console.WriteLine($"memory: working set {Environment.WorkingSet / 1048576} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MiB, data file {new FileInfo(Path.Combine(bot.DataDir, "survey.db")).Length / 1024} KiB");
return stored == citizens ? 0 : 1;
