using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Operations;

/// <summary>A lost Zalo__Mode=Live never opens real citizens' messages in the sandbox.</summary>
public sealed class LiveDataInSandboxTests
{
    private static string[] SandboxArgs(string dataDir) =>
    [
        "--urls=http://127.0.0.1:0",
        "--Zalo:Mode=Sandbox",
        $"--Storage:Path={Path.Combine(dataDir, "survey.db")}",
        "--Logging:LogLevel:Default=Warning",
    ];

    [Fact]
    public async Task Data_that_has_run_in_Live_mode_refuses_to_start_in_Sandbox_mode_with_one_line()
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        var dataDir = BotHost.NewDataDir();
        var live = await BotHost.StartAsync(zalo, dataDir: dataDir);
        await live.RestartAsync(start: false); // stopped; the data stays
        var error = new StringWriter();
        try
        {
            await live.App.DisposeAsync();

            var exit = await ZaloBotApp.RunAsync(SandboxArgs(dataDir), error);

            Assert.Equal(2, exit);
            var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Configuration error: this data has run in Live mode", line);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Fresh_data_starts_in_Sandbox_mode()
    {
        var dataDir = BotHost.NewDataDir();
        try
        {
            var app = ZaloBotApp.Build(SandboxArgs(dataDir));
            await app.StartAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
