using System.Net;
using ZaloBot.Storage;
using ZaloBot.Tests.Dashboard;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;
using static ZaloBot.Tests.Dashboard.DashboardHost;

namespace ZaloBot.Tests.Operations;

/// <summary>
/// The operator's commands against a LiteDB file: through the running service while it holds the
/// file, directly once it has stopped.
/// </summary>
public sealed class OperatorCommandTests : DashboardTests
{
    private const string Citizen = "8800000000000000123";
    private const string SendPath = "/v3.0/oa/message/cs";

    private string DataFile => Path.Combine(Bot.DataDir, "survey.db");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ZaloBotApp.RunAsync([.. args, $"--Storage:Path={DataFile}", "--Logging:LogLevel:Default=Warning"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private IWorkQueue Outbox => Bot.Get<Outbox>().Queue;

    private async Task<QueueItem> RefusedMessageAsync()
    {
        Zalo.Enqueue(SendPath, """{"error":-213,"message":"User has not interacted with the OA in the past 7 days"}""");
        Bot.Get<Outbox>().SendText(Citizen, "Cảm ơn ông/bà đã tham gia!");
        await Bot.IdleAsync();
        return Assert.Single(Outbox.Failed(10));
    }

    [Fact]
    public async Task Outbox_failed_lists_id_kind_time_code_and_reason_without_personal_data_and_retry_sends_it_again()
    {
        var failed = await RefusedMessageAsync();

        var (exit, output, error) = await RunAsync("outbox", "failed");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var row = Assert.Single(output.Split('\n'), l => l.StartsWith($"{failed.Id}\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["UserText", "-213"], [row[1], row[3]]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", row[2]);
        Assert.DoesNotContain(Citizen, output);
        Assert.DoesNotContain("Cảm ơn", output);

        (exit, output, _) = await RunAsync("outbox", "retry", "all");

        Assert.Equal(0, exit);
        Assert.Contains("1 message(s)", output);
        await Bot.IdleAsync();
        Assert.Equal(QueueStatus.Done, Outbox.Find(failed.Id)!.Status);
        Assert.Equal(2, Zalo.CallsTo(SendPath).Count);
    }

    [Fact]
    public async Task Once_the_service_has_stopped_the_outbox_commands_open_the_data_file_themselves()
    {
        var failed = await RefusedMessageAsync();
        await Bot.RestartAsync(start: false);

        var (exit, output, _) = await RunAsync("outbox", "failed");
        Assert.Equal(0, exit);
        Assert.Contains($"{failed.Id}\tUserText", output);

        (exit, output, _) = await RunAsync("outbox", "retry", failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, exit);
        Assert.Contains("1 message(s)", output);

        Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(1)); // the command stamped the retry with the real clock
        await Bot.RestartAsync();
        await Bot.IdleAsync();
        Assert.Equal(QueueStatus.Done, Bot.Get<Outbox>().Queue.Find(failed.Id)!.Status);
    }

    [Fact]
    public async Task The_overview_shows_how_many_messages_failed()
    {
        await Client.SignInAsAdminAsync();
        Assert.Contains("<strong>0</strong> tin nhắn", await Client.Http.GetStringAsync("/dashboard/"));

        await RefusedMessageAsync();

        var page = await Client.Http.GetStringAsync("/dashboard/");
        Assert.Contains("<strong>1</strong> tin nhắn", page);
        Assert.Contains("outbox failed", page);
    }

    [Fact]
    public async Task Backup_while_the_service_runs_gives_a_copy_that_restores_with_the_keys_folder()
    {
        DashboardSeed.Visitors(Bot.Services, "X07", June12, 20);
        await RefusedMessageAsync();
        var restored = BotHost.NewDataDir();
        var copy = Path.Combine(restored, "survey.db");

        var (exit, output, error) = await RunAsync("backup", "--out", copy);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains(copy, output);
        DashboardSeed.Visitors(Bot.Services, "X07", June13, 10); // after the copy: not in it
        CopyFolder(Path.Combine(Bot.DataDir, "keys"), Path.Combine(restored, "keys"));
        await using var second = await BotHost.StartAsync(Zalo, new Dictionary<string, string?> { ["Survey:DefinitionPath"] = DashboardSeed.SurveyFile(June12, June14) },
            start: false, dataDir: restored);
        Assert.Equal(20, second.Get<VisitorCounts>().On("X07", June12));
        Assert.Null(second.Get<VisitorCounts>().On("X07", June13));
        var failed = Assert.Single(second.Get<Outbox>().Queue.Failed(10));
        Assert.Equal("Cảm ơn ông/bà đã tham gia!", second.Get<Outbox>().Read(failed).Text); // the protected payload reads back with the keys
    }

    [Fact]
    public async Task Backup_of_a_stopped_service_copies_the_file_directly()
    {
        DashboardSeed.Visitors(Bot.Services, "X07", June12, 20);
        await Bot.RestartAsync(start: false);
        var restored = BotHost.NewDataDir();

        var (exit, _, _) = await RunAsync("backup", "--out", Path.Combine(restored, "survey.db"));

        Assert.Equal(0, exit);
        CopyFolder(Path.Combine(Bot.DataDir, "keys"), Path.Combine(restored, "keys"));
        await using var second = await BotHost.StartAsync(Zalo, start: false, dataDir: restored);
        Assert.Equal(20, second.Get<VisitorCounts>().On("X07", June12));
    }

    [Fact]
    public async Task The_admin_endpoints_answer_only_the_commands_own_local_requests()
    {
        using var plain = await Bot.Http.GetAsync("/admin/outbox/failed");
        Assert.Equal(HttpStatusCode.NotFound, plain.StatusCode);

        using var forwarded = new HttpRequestMessage(HttpMethod.Post, "/admin/backup");
        forwarded.Headers.Add("X-ZaloBot-Command", "1");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var answer = await Bot.Http.SendAsync(forwarded);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
