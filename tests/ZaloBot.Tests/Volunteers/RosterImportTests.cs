using System.Text;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

public sealed class RosterCsvTests
{
    private static readonly Func<string, string?> Communes = code => code.ToUpperInvariant() is "X07" or "X08" ? code.ToUpperInvariant() : null;

    private static DateTime Day(int day) => new(2024, 6, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_roster_with_BOM_quoted_fields_and_optional_phone_is_read_whole()
    {
        const string csv = "\uFEFFma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\r\n" +
                           "X07,Nguyễn Văn An,\"Hội viên CCB, chi hội 2\",0912345678,12/06/2024;13/06/2024\r\n" +
                           "\r\n" +
                           "x08,\"Trần Thị \"\"Bé\"\" Ba\",Tổ trưởng,,14/6/2024\n";

        var file = RosterCsv.Parse(csv, Communes);

        Assert.Empty(file.Errors);
        Assert.Equal(2, file.Entries.Count);
        var an = file.Entries[0];
        Assert.Equal(("X07", "Nguyễn Văn An", "Hội viên CCB, chi hội 2", "0912345678"), (an.CommuneCode, an.Name, an.Position, an.Phone));
        Assert.Equal([Day(12), Day(13)], an.DutyDates);
        var ba = file.Entries[1];
        Assert.Equal(("X08", "Trần Thị \"Bé\" Ba", null), (ba.CommuneCode, ba.Name, ba.Phone));
        Assert.Equal([Day(14)], ba.DutyDates);
    }

    [Fact]
    public void Each_problem_is_reported_with_its_line_and_nothing_is_kept()
    {
        const string csv = "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\n" +
                           "X07,Nguyễn Văn An,Hội viên,,12/06/2024\n" +
                           "X99,Lê Văn Cư,Hội viên,,12/06/2024\n" +
                           "X07,,Hội viên,,2024-06-12\n" +
                           "\"X08,Phạm Văn\nDũng\",Hội viên\n" +
                           "X08,Đỗ Thị Em,Hội viên,,13/06/2024\n";

        var file = RosterCsv.Parse(csv, Communes);

        Assert.Equal(
            [
                new RosterError(3, "không có xã, thị trấn mã \"X99\""),
                new RosterError(4, "thiếu họ tên"),
                new RosterError(4, "ngày trực \"2024-06-12\" không đúng dạng dd/MM/yyyy"),
                new RosterError(5, "cần 5 cột, dòng này có 2"),
            ],
            file.Errors);
    }

    [Fact]
    public void A_file_without_the_header_is_refused_on_line_one()
    {
        var file = RosterCsv.Parse("X07,Nguyễn Văn An,Hội viên,,12/06/2024\n", Communes);

        Assert.Equal(1, Assert.Single(file.Errors).Line);
        Assert.Contains(RosterCsv.Header, file.Errors[0].Message);
    }
}

public sealed class RosterImportTests : BotTests
{
    // Duty days inside the shipped survey's window (November 2026 to December 2027).
    private const string Roster =
        "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\n" +
        "X07,Nguyễn Văn An,Hội viên CCB,,12/11/2026;13/11/2026\n" +
        "X07,Lê Thị Bình,,,13/11/2026\n";

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void An_import_replaces_the_roster_and_names_who_was_on_duty_each_day()
    {
        var import = Bot.Get<RosterImport>();
        import.Import(Utf8("ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\nX08,Người Cũ,,,12/11/2026\n"));

        var file = import.Import(Utf8(Roster));

        Assert.Empty(file.Errors);
        var roster = Bot.Get<ZaloBot.Volunteers.Roster>();
        Assert.Equal(["Nguyễn Văn An, Hội viên CCB", "Lê Thị Bình"], roster.OnDuty("X07", new DateOnly(2026, 11, 13)));
        Assert.Empty(roster.OnDuty("X08", new DateOnly(2026, 11, 12)));
    }

    [Fact]
    public void A_file_with_errors_leaves_the_stored_roster_alone()
    {
        var import = Bot.Get<RosterImport>();
        import.Import(Utf8(Roster));

        var file = import.Import(Utf8(Roster + "X99,Ai Đó,,,12/11/2026\n"));

        Assert.Equal(4, Assert.Single(file.Errors).Line);
        Assert.Equal(2, Bot.Get<ZaloBot.Volunteers.Roster>().All().Count);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_with_how_to_save_it()
    {
        var latin1 = Encoding.Latin1.GetBytes("ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\nX07,Lê Thị Bình,,,13/11/2026\n");

        var file = Bot.Get<RosterImport>().Import(new MemoryStream(latin1));

        Assert.Contains("CSV UTF-8", Assert.Single(file.Errors).Message);
    }

    [Fact]
    public async Task The_roster_import_command_stores_the_file_and_exits_0_or_names_the_bad_lines_and_exits_1()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var good = Path.Combine(folder, "roster.csv");
        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(good, Roster, new UTF8Encoding(true));
        await File.WriteAllTextAsync(bad, Roster + "X07,An,,,31/02/2024\n");
        string[] settings = [$"--Storage:Path={Path.Combine(folder, "survey.db")}", "--Logging:LogLevel:Default=Warning"];
        try
        {
            Assert.Equal(0, await ZaloBotApp.RunAsync(["roster", "import", good, .. settings]));
            Assert.Equal(1, await ZaloBotApp.RunAsync(["roster", "import", bad, .. settings]));
            Assert.Equal(2, await ZaloBotApp.RunAsync(["roster", "import", Path.Combine(folder, "missing.csv"), .. settings]));

            await using var bot = await BotHost.StartAsync(Zalo, new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(folder, "survey.db") });
            Assert.Equal(2, bot.Get<ZaloBot.Volunteers.Roster>().All().Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class RosterChecksTests
{
    private static readonly Func<string, string?> Communes = code => code.ToUpperInvariant() is "X07" or "X08" ? code.ToUpperInvariant() : null;

    private static readonly (DateOnly, DateOnly) June12To14 = (new DateOnly(2024, 6, 12), new DateOnly(2024, 6, 14));

    [Fact]
    public void Every_invalid_row_is_listed_with_its_line_and_reason()
    {
        const string csv = "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\n" +
                           "X07,Nguyễn Văn An,Hội viên,0912 345 678,12/06/2024;13/06/2024\n" +
                           "X99,Lê Văn Cư,Hội viên,,12/06/2024\n" +
                           "X07,nguyễn văn an,Hội viên,0912.345.678,13/06/2024\n" +
                           "X08,Trần Thị Ba,Hội viên,12345,12/06/2024\n" +
                           "X08,Đỗ Thị Em,Hội viên,,11/06/2024;15/06/2024\n";

        var file = RosterCsv.Parse(csv, Communes, June12To14);

        Assert.Equal(
            [
                new RosterError(3, "không có xã, thị trấn mã \"X99\""),
                new RosterError(4, "nguyễn văn an đã có ở dòng 2 cho ngày 13/06/2024"),
                new RosterError(5, "số điện thoại \"12345\" không phải số Việt Nam (ví dụ 0912345678)"),
                new RosterError(6, "ngày trực 11/06/2024 nằm ngoài thời gian khảo sát (12/06/2024 – 14/06/2024)"),
                new RosterError(6, "ngày trực 15/06/2024 nằm ngoài thời gian khảo sát (12/06/2024 – 14/06/2024)"),
            ],
            file.Errors);
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0386-123-456", "0386123456")]
    [InlineData("024 3825 1234", "02438251234")]
    [InlineData("0112345678", null)]
    [InlineData("091234567", null)]
    [InlineData("+1 555 123 4567", null)]
    [InlineData("số nhà", null)]
    public void A_phone_number_counts_only_when_it_is_Vietnamese(string typed, string? expected) =>
        Assert.Equal(expected, RosterCsv.VietnamesePhone(typed));

    [Fact]
    public void Two_names_that_differ_only_by_phone_are_two_people()
    {
        const string csv = "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\n" +
                           "X07,Nguyễn Văn An,Hội viên,0912345678,12/06/2024\n" +
                           "X08,Nguyễn Văn An,Hội viên,0987654321,12/06/2024\n";

        Assert.Empty(RosterCsv.Parse(csv, Communes, June12To14).Errors);
    }
}
