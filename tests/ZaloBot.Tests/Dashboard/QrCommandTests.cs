using System.Xml.Linq;
using Reporting.Tests.Posters;
using ZaloBot.Posters;

namespace ZaloBot.Tests.Dashboard;

/// <summary><c>dotnet run --project ZaloBot -- qr --out &lt;folder&gt;</c>, through the same code the command line takes.</summary>
public sealed class QrCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "zalobot-tests", "qr-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private string[] Args(params string[] more) =>
        ["--Storage:Path=" + Path.Combine(folder, "data", "survey.db"), "--Logging:LogLevel:Default=Warning", .. more];

    private int Run(params string[] args) => QrCommand.Run(args, configuration => ZaloBotApp.Build(configuration), output, error);

    [Fact]
    public async Task The_qr_verb_writes_every_communes_files_and_exits_without_serving()
    {
        var exit = await ZaloBotApp.RunAsync(["qr", "--out", folder, .. Args("--Zalo:OaId=4400000000000000001")]);

        Assert.Equal(0, exit);
        var names = Directory.GetFiles(folder).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(25 * 3 + 1, names.Count);
        Assert.Contains("X07.png", names);
        Assert.Contains("TT01.svg", names);
        Assert.Contains("X24-poster.html", names);
        Assert.Contains(QrPosters.ListFileName, names);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")));
    }

    [Fact]
    public void The_QR_codes_decode_back_to_the_configured_link()
    {
        var exit = Run(["--out", folder, .. Args("--Zalo:OaId=4400000000000000001", "--Posters:QrTemplate=https://zalo.me/{OaId}?xa={CommuneCode}")]);

        Assert.Equal(0, exit);
        Assert.Equal("https://zalo.me/4400000000000000001?xa=X07", QrDecoding.DecodePng(File.ReadAllBytes(Path.Combine(folder, "X07.png"))));
        var svg = XElement.Load(Path.Combine(folder, "TT01.svg"));
        Assert.Equal("https://zalo.me/4400000000000000001?xa=TT01", QrDecoding.DecodeModules(QrDecoding.Modules(svg)));
        var poster = File.ReadAllText(Path.Combine(folder, "X07-poster.html"));
        Assert.Contains("Xã Tân Lập", poster);
        Assert.Contains("Ý kiến được giữ kín, mỗi người trả lời 01 lần.", poster);
        Assert.Contains("Danh sách mã QR code", File.ReadAllText(Path.Combine(folder, QrPosters.ListFileName)));
        Assert.Contains($"76 files written to {folder}", output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--out")]
    [InlineData("--out", "--Zalo:OaId=1")]
    public void Without_an_out_folder_it_says_so_in_one_line_and_exits_2(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.Equal("qr: missing --out <folder>, the folder to write the QR codes and posters to.", error.ToString().TrimEnd());
    }

    [Fact]
    public void In_live_mode_without_an_OA_id_it_writes_nothing_and_says_why()
    {
        var exit = Run(["--out", folder, .. Args("--Zalo:Mode=Live", "--Zalo:AppId=1", "--Zalo:OaSecretKey=s", "--Zalo:AppSecretKey=a", "--Zalo:AccessToken=t")]);

        Assert.Equal(2, exit);
        Assert.Equal("qr: Zalo:OaId is not set, and the QR codes link to the OA.", error.ToString().TrimEnd());
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_stops_with_a_configuration_error()
    {
        var exit = await ZaloBotApp.RunAsync(["qr", "--out", folder, .. Args("--Posters:QrTemplate=https://zalo.me/{OA}")]);

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
