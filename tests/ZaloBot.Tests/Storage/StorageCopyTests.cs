using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Dashboard;
using ZaloBot.Survey;
using ZaloBot.Tests.Dashboard;
using ZaloBot.Tests.Support;
using ZaloBot.Tests.Volunteers;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// <c>storage copy --to-postgres</c>: a district's LiteDB service, filled over the signed webhook, is
/// copied into PostgreSQL and the service goes on there as if nothing had moved.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class StorageCopyTests(PostgresDatabase database, ImageServer images)
    : StaffTests, IClassFixture<PostgresDatabase>, IClassFixture<ImageServer>
{
    private const string Finished = "7300000000000000011";
    private const string Halfway = "7300000000000000012";
    private static readonly string[] Survey = ["X07", .. ZaloBot.Tests.Survey.CitizenSurveyTests.FullRun];

    protected override Dictionary<string, string?> Settings => new(base.Settings.Concat(ImageServer.Allowance))
    {
        ["Dashboard:AdminPassword"] = DashboardClient.AdminPassword,
    };

    /// <summary>The LiteDB service's settings as the operator's configuration holds them.</summary>
    private string[] LiteDbArgs()
    {
        var settings = BotHost.Settings(Zalo, Bot.DataDir);
        foreach (var (key, value) in Settings)
            settings[key] = value;
        return [.. settings.Where(kv => kv.Key != "urls").Select(kv => $"--{kv.Key}={kv.Value}")];
    }

    private static async Task<(int Exit, string Output, string Error)> CopyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ZaloBotApp.RunAsync(["storage", "copy", .. args], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [SkippableFact]
    public async Task A_copied_LiteDB_service_goes_on_in_PostgreSQL_with_everything_it_kept()
    {
        database.Reset();
        // The OA's first call finds the configured token expired: the service refreshes and stores a new pair.
        Zalo.ValidTokens.Clear();
        foreach (var text in Survey)
            await SayAsync(Finished, text);
        foreach (var text in Survey[..4])
            await SayAsync(Halfway, text);
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "LUOT 25");
        await Bot.PostEventAsync(ImageEvent(Volunteer, images.Serve(ImageServer.Png), "Tuyên truyền"));
        await Bot.IdleAsync();
        Assert.Single(Zalo.CallsTo("/v4/oa/access_token"));
        var daily = await DailyFiguresAsync(Bot);
        Assert.Contains("\"respondents\":1", daily, StringComparison.OrdinalIgnoreCase);
        await Bot.StopAsync();

        var (exit, output, error) = await CopyAsync(["--to-postgres", database.ConnectionString, .. LiteDbArgs()]);

        Assert.True(exit == 0, error);
        Assert.Contains("1 responses, 1 conversations in progress, 1 staff", output);
        Assert.Contains("1 photos", output);
        Assert.Contains("token pair: yes", output);
        // This deployment never configured a hashing key: the one it generated must go with the data.
        var secret = output.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("Survey:RespondentKeySecret=", StringComparison.Ordinal))
            .Split("Survey:RespondentKeySecret=")[1];
        Assert.StartsWith("base64:", secret);

        var refreshes = Zalo.CallsTo("/v4/oa/access_token").Count;
        await Bot.DisposeAsync();
        Bot = await BotHost.StartAsync(Zalo, new Dictionary<string, string?>(Settings)
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Survey:RespondentKeySecret"] = secret,
        }, builder => builder.Services.AddSingleton<TimeProvider>(Clock));

        Assert.Equal(daily, await DailyFiguresAsync(Bot));
        Assert.Equal(25, Bot.Get<VisitorCounts>().On("X07", June12));
        var photo = Assert.Single(Bot.Get<PhotoReports>().All());
        Assert.Equal(ImageServer.Png, Bot.Get<PhotoReports>().Content(photo));
        Assert.Equal(StaffRole.Commune, StaffOf(Volunteer)!.Role);

        // The citizen halfway through goes on where they were; the one who finished cannot answer twice.
        var before = RepliesTo(Halfway).Count;
        foreach (var text in Survey[4..])
            await SayAsync(Halfway, text);
        Assert.Contains("Cảm ơn", RepliesTo(Halfway)[^1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Survey.Length - 4, RepliesTo(Halfway).Count - before);
        await SayAsync(Finished, "1");
        Assert.Contains("đã", RepliesTo(Finished)[^1], StringComparison.Ordinal);
        Assert.Equal(2, Bot.Get<IResponseStore>().Count("PKS02_2024"));
        Assert.NotNull(Bot.Get<IResponseStore>().Find("PKS02_2024", Bot.Get<CitizenConversation>().RespondentKey(Finished)));

        // The volunteer is known (their protected id reads back: they get their answer) and the stored token pair is used.
        await SayAsync(Volunteer, "LUOT 30");
        Assert.Equal(30, Bot.Get<VisitorCounts>().On("X07", June12));
        Assert.Equal(Bot.Get<IStaffStore>().Find(Volunteer)!.Key, StaffOf(Volunteer)!.Key);
        Assert.Equal(refreshes, Zalo.CallsTo("/v4/oa/access_token").Count);
        Assert.Equal("access-new-1", Zalo.CallsTo("/v3.0/oa/message/cs")[^1].Headers["access_token"]);
    }

    [SkippableFact]
    public async Task A_database_that_holds_responses_is_refused_and_left_as_it_was()
    {
        database.Reset();
        foreach (var text in Survey)
            await SayAsync(Finished, text);
        await Bot.StopAsync();
        Assert.Equal(0, (await CopyAsync(["--to-postgres", database.ConnectionString, .. LiteDbArgs()])).Exit);

        var (exit, output, error) = await CopyAsync(["--to-postgres", database.ConnectionString, .. LiteDbArgs()]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(
            $"storage copy: the PostgreSQL database at {HostOf(database.ConnectionString)} already holds survey data; copy only into an empty database.",
            error.Trim());
    }

    [SkippableFact]
    public async Task Bad_input_ends_with_one_line_and_a_non_zero_exit()
    {
        database.Reset();
        await Bot.StopAsync();
        var args = LiteDbArgs();

        var missing = await CopyAsync(args);
        Assert.Equal(2, missing.Exit);
        Assert.Equal("storage copy: missing --to-postgres \"<connection string>\", the PostgreSQL database to copy the LiteDB data file into.", missing.Error.Trim());

        var unreachable = await CopyAsync(["--to-postgres", "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=3", .. args]);
        Assert.Equal(2, unreachable.Exit);
        Assert.StartsWith("storage copy: The PostgreSQL database at 127.0.0.1:1/d cannot be used:", unreachable.Error);
        Assert.Single(unreachable.Error.Trim().Split('\n'));

        var noFile = await CopyAsync(["--to-postgres", database.ConnectionString, .. args, "--Storage:Path=" + Path.Combine(BotHost.NewDataDir(), "none.db")]);
        Assert.Equal(2, noFile.Exit);
        Assert.StartsWith("storage copy: no LiteDB data file at ", noFile.Error);
        Assert.Single(noFile.Error.Trim().Split('\n'));
    }

    private static string HostOf(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>What the dashboard shows day by day (respondents, visitors, photos per commune), as the board's JSON.</summary>
    private static async Task<string> DailyFiguresAsync(BotHost host)
    {
        using var client = new DashboardClient(host.BaseUrl);
        await client.SignInAsAdminAsync();
        using var response = await client.Http.GetAsync("/dashboard/api/daily?from=2024-06-12&to=2024-06-12");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
