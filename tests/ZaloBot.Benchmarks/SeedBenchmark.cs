using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Reporting;
using ZaloBot.Conversation;
using ZaloBot.Jobs;
using ZaloBot.Storage;
using ZaloBot.Survey;
using ZaloBot.Volunteers;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Writes a large survey into a data file through the service's own stores: a survey file with
/// <c>--communes</c> communes open for <c>--days</c> days up to today, <c>--responses</c> responses
/// spread over them, and a visitor count for every commune-day. The service started on that file
/// (<c>Storage:Path</c>, <c>Survey:DefinitionPath</c> as printed) sees them all. Then, in a fresh
/// process so that its memory is the reads' alone, it times the digest, BAOCAO, TIENDO and the
/// dashboard's overview and commune page. With <c>--postgres</c> the responses go into that
/// PostgreSQL database instead (<c>Storage:Provider=Postgres</c>), and the reads are timed there.
/// </summary>
internal static class SeedBenchmark
{
    private const int Batch = 5_000;

    public static async Task<int> RunAsync(Options options)
    {
        var responses = options.Int("responses", 1_000_000);
        var communes = options.Int("communes", 500);
        var days = options.Int("days", 400);
        var postgres = options.String("postgres");
        var dataFile = Path.GetFullPath(options.String("out") ?? "data/bench/survey.db");
        var survey = Path.Combine(Path.GetDirectoryName(dataFile)!, "survey-bench.json");
        Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var opens = today.AddDays(1 - days);
        WriteSurvey(survey, communes, opens, today);

        var watch = Stopwatch.StartNew();
        var storage = StorageArgs(dataFile, postgres);
        await using (var app = Build(storage, survey))
        {
            Seed(app.Services, responses, opens, days);
            Console.WriteLine($"seeded {responses:N0} responses, {communes} communes x {days} days of visitor counts in {watch.Elapsed.TotalSeconds:F0} s; "
                + (postgres is null ? $"data file {new FileInfo(dataFile).Length / 1048576} MiB" : $"database {DatabaseSize(postgres) / 1048576} MiB"));
        }
        Console.WriteLine(postgres is null
            ? $"start the service on it with: --Storage:Path={dataFile} --Survey:DefinitionPath={survey}"
            : $"start the service on it with: --Storage:Provider=Postgres --Storage:ConnectionString=\"<the same connection string>\" --Survey:RespondentKeySecret=\"{RespondentKeySecret}\" --Survey:DefinitionPath={survey}");

        // The reads, in a process of their own.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(SeedBenchmark).Assembly.Location);
        foreach (var arg in postgres is null ? ["reads", "--data", dataFile, "--survey", survey] : new[] { "reads", "--postgres", postgres, "--survey", survey })
            start.ArgumentList.Add(arg);
        using var reads = Process.Start(start)!;
        await reads.WaitForExitAsync();
        return reads.ExitCode;
    }

    public static async Task<int> TimeReadsAsync(Options options)
    {
        var survey = options.String("survey")!;
        await using var app = Build(StorageArgs(options.String("data"), options.String("postgres")), survey);
        await app.StartAsync();
        var services = app.Services;
        var catalog = services.GetRequiredService<SurveyCatalog>();
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var first = catalog.Communes[0].Code;
        services.GetRequiredService<IStaffStore>().Register("9990000000000000001", StaffRole.District, null, DateTime.UtcNow);
        using var dashboard = new DashboardSession(app.Urls.First());
        await dashboard.SignInAsync(AdminPassword);
        if (options.String("export") is { } alone)
        {
            // One download alone, in a process that has read nothing else: its own time and memory.
            await TimeDownloadAsync(dashboard, alone, alone);
            await app.StopAsync();
            return 0;
        }

        Console.WriteLine($"reads over {services.GetRequiredService<IResponseStore>().Count(catalog.Definition.Id):N0} responses, {catalog.Communes.Count} communes, "
            + $"{(today.DayNumber - DateOnly.FromDateTime(catalog.Definition.OpensAt).DayNumber + 1)} days:");
        using (var started = Process.GetCurrentProcess())
            Console.WriteLine($"  started: peak working set {started.PeakWorkingSet64 / 1048576} MiB");
        var figures = services.GetRequiredService<ZaloBot.Reports.DailyFigures>();
        await TimeAsync("  figures of every commune-day so far", () => figures.SurveyDaysUntil(today));
        var input = new Reporting.Digest.DigestInput("t", today, false, figures.Communes, figures.SurveyDaysUntil(today), new Reporting.Quota.QuotaOptions());
        await TimeAsync("  digest text", () => Reporting.Digest.DigestBuilder.BuildMessages(input));
        await TimeAsync("  digest chart", () => Reporting.Charts.DigestChart.RenderPng(Reporting.Digest.DigestBuilder.ChartBars(input), "t"));
        await TimeAsync("digest (17:00 job: text and chart)", () => services.GetRequiredService<DigestReport>().Compose(today));
        await TimeAsync("BAOCAO (digest queued to one official)", () => { services.GetRequiredService<DigestDelivery>().SendTo("9990000000000000001"); return null; });
        await TimeAsync($"TIENDO {first}", () => services.GetRequiredService<CommuneProgress>().Describe(first, today, StaffRole.District));
        await TimeAsync("dashboard overview page", () => dashboard.GetAsync("/dashboard/"));
        await TimeAsync("dashboard overview chart", () => dashboard.GetAsync("/dashboard/charts/overview.png"));
        await TimeAsync($"dashboard commune page {first}", () => dashboard.GetAsync($"/dashboard/communes/{first}"));
        await TimeAsync("dashboard quality page", () => dashboard.GetAsync("/dashboard/quality"));
        await TimeDownloadAsync(dashboard, "dashboard export of every response as CSV (once)", "/dashboard/exports/responses.csv");
        await TimeDownloadAsync(dashboard, "dashboard export of every sheet as XLSX (once)", "/dashboard/exports/all.xlsx");
        await TimeDownloadAsync(dashboard, "final report .docx (once)", "/dashboard/exports/report.docx");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"memory: peak working set {process.PeakWorkingSet64 / 1048576} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MiB");
        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// Downloads one file as a browser would, watching the process's working set while it is made
    /// (a sample every 50 ms), so each export reports its own peak rather than the run's so far.
    /// </summary>
    private static async Task TimeDownloadAsync(DashboardSession dashboard, string what, string path)
    {
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;
        var peak = before;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var sampled = Process.GetCurrentProcess();
            while (!done.IsCancellationRequested)
            {
                sampled.Refresh();
                peak = Math.Max(peak, sampled.WorkingSet64);
                try { await Task.Delay(50, done.Token); } catch (OperationCanceledException) { }
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var size = await dashboard.DownloadAsync(path);
        var elapsed = watch.Elapsed;
        await done.CancelAsync();
        await sampler;
        self.Refresh();
        Console.WriteLine($"{what}: {elapsed.TotalSeconds:F1} s, {size / 1048576.0:F1} MiB written, "
            + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576} MiB allocated, "
            + $"working set {before / 1048576} MiB before, {peak / 1048576} MiB at most while it was made; peak working set so far {self.PeakWorkingSet64 / 1048576} MiB");
    }

    private const string AdminPassword = "benchmark-admin-password";

    /// <summary>The hashing key of a seeded PostgreSQL database (required there, the same for every instance).</summary>
    private const string RespondentKeySecret = "benchmark respondent key";

    private static string[] StorageArgs(string? dataFile, string? postgres) => postgres is null
        ? [$"--Storage:Path={dataFile}"]
        : ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={postgres}", $"--Survey:RespondentKeySecret={RespondentKeySecret}"];

    private static long DatabaseSize(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static WebApplication Build(string[] storage, string survey) => ZaloBotApp.Build(
    [
        "--urls=http://127.0.0.1:0",
        .. storage,
        $"--Survey:DefinitionPath={survey}",
        $"--Dashboard:AdminPassword={AdminPassword}",
        "--Dashboard:ReplaceAdminPassword=true",
        "--Logging:LogLevel:Default=Warning",
    ]);

    private static async Task TimeAsync(string what, Func<object?> read)
    {
        var times = new List<double>();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = read();
            if (result is Task task)
                await task;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 3;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"  {what}: first {times[0]:F0} ms, then {times.Skip(1).Average():F0} ms; "
            + $"{allocated / 1048576} MiB allocated per read, peak working set so far {self.PeakWorkingSet64 / 1048576} MiB");
    }

    private static void WriteSurvey(string path, int communes, DateOnly opens, DateOnly closes)
    {
        var survey = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SurveyDefinitionLoader.DefaultFile)))!;
        survey["opensAt"] = opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00";
        survey["closesAt"] = closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59";
        survey["communes"] = new JsonArray([.. Enumerable.Range(1, communes).Select(i => (JsonNode)new JsonObject
        {
            ["code"] = $"X{i:D3}",
            ["name"] = $"Xã Thử Nghiệm {i}",
            ["aliases"] = new JsonArray(),
        })]);
        File.WriteAllText(path, survey.ToJsonString());
    }

    private static void Seed(IServiceProvider services, int count, DateOnly opens, int days)
    {
        var catalog = services.GetRequiredService<SurveyCatalog>();
        var store = services.GetRequiredService<IResponseStore>();
        var visitors = services.GetRequiredService<VisitorCounts>();
        var unit = services.GetRequiredService<IUnitOfWork>();
        var random = new Random(2024);
        var questions = catalog.Definition.Questions;
        var communes = catalog.Communes;
        for (var done = 0; done < count; done += Batch)
        {
            var batch = Math.Min(Batch, count - done);
            store.TryAddMany([.. Enumerable.Range(0, batch).Select(_ =>
                {
                    var day = opens.AddDays(random.Next(days));
                    var submitted = VietnamTime.StartOfDayUtc(day).AddHours(8 + random.Next(9));
                    return new StoredResponse
                    {
                        SurveyId = catalog.Definition.Id,
                        RespondentKey = Guid.NewGuid().ToString("N"),
                        CommuneCode = communes[random.Next(communes.Count)].Code,
                        Answers = questions.ToDictionary(q => q.Id, q => Answer(q, random)),
                        StartedAt = submitted.AddSeconds(-240),
                        SubmittedAt = submitted,
                        DurationSeconds = 240,
                        QualityFlags = random.Next(50) == 0 ? [QualityFlags.TooFast] : [],
                    };
                })]);
        }
        foreach (var commune in communes)
            unit.Run(() =>
            {
                for (var d = 0; d < days; d++)
                    visitors.Report(commune.Code, opens.AddDays(d), 5 + random.Next(20), "seed", DateTime.UtcNow);
            });
    }

    private static List<string> Answer(QuestionDefinition question, Random random) => question.Type switch
    {
        "single" => [question.Options[random.Next(question.Options.Count)].Id],
        "multi" => question.Options.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).Select(o => o.Id).ToList(),
        "number" => [(18 + random.Next(60)).ToString(CultureInfo.InvariantCulture)],
        _ => random.Next(5) == 0 ? ["Ý kiến thử nghiệm"] : [],
    };
}
