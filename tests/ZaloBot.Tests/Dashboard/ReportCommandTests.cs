using ZaloBot.Reports;

namespace ZaloBot.Tests.Dashboard;

/// <summary><c>dotnet run --project ZaloBot -- report --out &lt;file&gt;</c>, through the same code the command line takes.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "zalobot-tests", "report-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private string[] Args(params string[] more) =>
        ["--Storage:Path=" + Path.Combine(folder, "data", "survey.db"), "--Logging:LogLevel:Default=Warning", .. more];

    [Fact]
    public async Task The_report_verb_writes_the_final_report_with_the_configured_issuer_and_exits()
    {
        var file = Path.Combine(folder, "bao-cao", "bao-cao-cuoi.docx");

        var exit = await ZaloBotApp.RunAsync(["report", "--out", file, .. Args("--Posters:IssuedBy=Ban Chỉ đạo huyện Phú Mỹ")]);

        Assert.Equal(0, exit);
        var text = Docx.Paragraphs(File.ReadAllBytes(file));
        Assert.Contains("BAN CHỈ ĐẠO HUYỆN PHÚ MỸ", text);
        Assert.Contains("I. CÁCH THỨC TIẾN HÀNH", text);
        Assert.Contains("Các tổ công tác chưa gửi ảnh nào.", text);
    }

    [Theory]
    [InlineData]
    [InlineData("--out")]
    [InlineData("--out", "--Zalo:OaId=1")]
    public void Without_an_out_file_it_says_so_in_one_line_and_exits_2(params string[] args)
    {
        Assert.Equal(2, ReportCommand.Run(args, configuration => ZaloBotApp.Build(configuration), output, error));
        Assert.Equal("report: missing --out <file>, the .docx file to write the final report to.", error.ToString().TrimEnd());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
