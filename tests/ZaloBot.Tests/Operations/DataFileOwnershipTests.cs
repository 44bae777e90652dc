using System.Text;
using ZaloBot.Storage.LiteDb;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Operations;

/// <summary>One LiteDB data file, one process: a second start or an offline command refuses in one line.</summary>
public sealed class DataFileOwnershipTests : BotTests
{
    private string DataFile => Path.Combine(Bot.DataDir, "survey.db");

    private static string OneLine(StringWriter error) =>
        Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_second_service_on_the_same_data_file_refuses_to_start_naming_the_process_that_holds_it()
    {
        var error = new StringWriter();
        var settings = BotHost.Settings(Zalo, Bot.DataDir).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

        var exit = await ZaloBotApp.RunAsync(settings, error);

        Assert.Equal(2, exit);
        var line = OneLine(error);
        Assert.StartsWith("Storage error: ", line);
        Assert.Contains($"in use by process {Environment.ProcessId}", line);
        Assert.Equal(Environment.ProcessId, DataFileLock.OwnerOf(DataFile)?.ProcessId);
        Assert.StartsWith("http://127.0.0.1:", DataFileLock.OwnerOf(DataFile)?.Address);
    }

    [Fact]
    public async Task Roster_import_refuses_while_the_service_runs_and_changes_nothing()
    {
        var csv = Path.Combine(Bot.DataDir, "roster.csv");
        await File.WriteAllTextAsync(csv, "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\nX07,Nguyễn Văn An,Hội viên,,12/06/2024\n", new UTF8Encoding(true));
        var error = new StringWriter();

        var exit = await ZaloBotApp.RunAsync(["roster", "import", csv, $"--Storage:Path={DataFile}"], error);

        Assert.Equal(2, exit);
        Assert.Contains("in use by process", OneLine(error));
        Assert.Empty(Bot.Get<ZaloBot.Volunteers.Roster>().All());
    }

    [Fact]
    public async Task The_qr_command_never_opens_the_data_file_so_it_works_while_the_service_runs()
    {
        var folder = Path.Combine(Bot.DataDir, "posters");
        var error = new StringWriter();

        var exit = await ZaloBotApp.RunAsync(["qr", "--out", folder, $"--Storage:Path={DataFile}", $"--Zalo:OaId={BotHost.OaId}"], error);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(folder, "X07.png")));
        Assert.Equal(Environment.ProcessId, DataFileLock.OwnerOf(DataFile)?.ProcessId);
    }

    [Fact]
    public async Task Once_the_service_has_stopped_the_data_file_is_free_again()
    {
        await Bot.RestartAsync(start: false);
        await Bot.RestartAsync();
        Assert.Equal(Environment.ProcessId, DataFileLock.OwnerOf(DataFile)?.ProcessId);
    }
}

public sealed class DamagedStartTests
{
    [Fact]
    public async Task A_data_file_of_random_bytes_ends_the_start_with_one_line()
    {
        var folder = BotHost.NewDataDir();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "survey.db");
        await File.WriteAllBytesAsync(file, Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var error = new StringWriter();
        await using var zalo = await FakeZaloServer.StartAsync();
        try
        {
            var settings = BotHost.Settings(zalo, folder).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

            var exit = await ZaloBotApp.RunAsync(settings, error);

            Assert.Equal(2, exit);
            var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Storage error: ", line);
            Assert.Contains("not a readable LiteDB data file", line);
            Assert.Null(DataFileLock.OwnerOf(file)); // the refused start let go of it
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
