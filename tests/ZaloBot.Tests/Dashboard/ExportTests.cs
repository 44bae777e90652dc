using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Reporting.Exports;
using ZaloBot.Reports;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

public sealed class ExportTests(SeededDashboard dashboard) : SeededDashboardTests(dashboard)
{
    private const string QcdcDayHeader = "Ngày báo cáo";

    private async Task<byte[]> DownloadAsync(string path)
    {
        using var response = await Client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_QCDC_csv_starts_with_the_byte_order_mark_and_matches_the_seeded_days_with_the_cumulative_row()
    {
        var csv = await DownloadAsync("/dashboard/exports/qcdc.csv?from=2024-06-12&to=2024-06-14&communes=X07");

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "\"Tên xã, phường, thị trấn\",\"Họ tên, chức vụ, đơn vị cán bộ, đoàn viên được phân công\",Ngày báo cáo," +
                "\"Số lượt người dân, tổ chức làm thủ tục tại bộ phận một cửa (trong ngày)\",\"Số người, tổ chức tham gia đánh giá khảo sát (trong ngày)\"",
            "Xã Tân Lập,\"Nguyễn Văn An, chi hội trưởng\",12/06/2024,20,12",
            "Xã Tân Lập,,13/06/2024,10,14",
            "Xã Tân Lập,\"Nguyễn Văn An, chi hội trưởng\",14/06/2024,,2",
            "Xã Tân Lập,,Lũy kế,30,28",
            "Các xã đã chọn,,Tổng cộng,30,28",
        ], lines);
    }

    [Fact]
    public async Task The_xlsx_opens_with_every_sheet_and_the_seeded_figures_as_numbers()
    {
        var xlsx = await DownloadAsync("/dashboard/exports/all.xlsx");

        using (var stream = new MemoryStream(xlsx))
            Assert.Equal(["Tổng hợp", "QCDC PKS02", "Thống kê", "Ý kiến", "Phiếu"], stream.GetSheetNames());
        var qcdc = Xlsx.Rows(xlsx, "QCDC PKS02");
        Assert.Equal(QcdcDayHeader, qcdc[0][2]);
        Assert.Contains(["Xã Tân Lập", null, new DateTime(2024, 6, 13), 10d, 14d], qcdc);
        Assert.Contains(["Xã Tân Lập", null, "Lũy kế", 30d, 28d], qcdc);
        Assert.Contains(["Xã Tân An", null, "Lũy kế", 15d, 8d], qcdc);
        Assert.Equal(["Toàn huyện", null, "Tổng cộng", 45d, 36d], qcdc[^1]);
        var tallies = Xlsx.Rows(xlsx, "Thống kê");
        Assert.Contains(["X07", "Xã Tân Lập", "sex", "Giới tính của ông/bà?", "Nam", 28d, 1d, 28d], tallies);
        Assert.Contains(["X08", "Xã Tân An", "overall", "Mức độ hài lòng chung của ông/bà đối với Chủ tịch UBND xã?", "Hài lòng", 8d, 1d, 8d], tallies);
        Assert.Equal(1 + 36, Xlsx.Rows(xlsx, "Phiếu").Count);
    }

    [Fact]
    public async Task The_workbook_is_sent_with_its_length_and_its_temporary_file_is_removed()
    {
        static HashSet<string> Workbooks() => [.. Directory.EnumerateFiles(Path.GetTempPath(), "zalobot-export-*.xlsx")];
        var before = Workbooks();

        using var response = await Client.Http.GetAsync("/dashboard/exports/all.xlsx");
        var xlsx = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(xlsx.Length, response.Content.Headers.ContentLength);
        Assert.Equal("pks02-all-2024-06-12-2024-06-14.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(1 + 36, Xlsx.Rows(xlsx, "Phiếu").Count);
        await Poll.UntilAsync(() => Workbooks().IsSubsetOf(before), "the workbook's temporary file to be deleted");
    }

    [Fact]
    public async Task A_date_range_and_communes_narrow_every_export()
    {
        var xlsx = await DownloadAsync("/dashboard/exports/responses.xlsx?from=2024-06-13&to=2024-06-13&communes=X07&communes=X08");
        var tallies = Encoding.UTF8.GetString(await DownloadAsync("/dashboard/exports/tallies.csv?from=2024-06-12&to=2024-06-12&communes=X08"));

        var responses = Xlsx.Rows(xlsx, "Phiếu");
        Assert.Equal(1 + 14, responses.Count);
        Assert.All(responses[1..], r => Assert.Equal("X07", r[1]));
        Assert.Contains("X08,Xã Tân An,sex,Giới tính của ông/bà?,Nam,8,100.0,8", tallies);
        Assert.DoesNotContain("X07", tallies);
    }

    [Fact]
    public async Task The_responses_export_is_anonymous()
    {
        var keys = Bot.Get<IResponseStore>().Stream("PKS02_2024").ToList().Select(r => r.RespondentKey).ToList();

        var csv = Encoding.UTF8.GetString(await DownloadAsync("/dashboard/exports/responses.csv"));

        Assert.Equal(36, keys.Count);
        Assert.All(keys, key => Assert.DoesNotContain(key, csv));
        Assert.Contains("Ý kiến số 1 ở X07", csv);
    }

    [Fact]
    public async Task The_responses_csv_is_written_as_the_responses_are_read_and_holds_the_whole_sheet()
    {
        using var response = await Client.Http.GetAsync("/dashboard/exports/responses.csv?from=2024-06-12&to=2024-06-14");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Streamed: the length is not known before the last row is written, so it goes in chunks.
        Assert.True(response.Headers.TransferEncodingChunked);
        var figures = Bot.Get<DailyFigures>();
        var sheet = ResponseSheet.Build(
            figures.Communes, figures.Questions, figures.Responses().ToList(), new ExportFilter(new DateOnly(2024, 6, 12), new DateOnly(2024, 6, 14), []));
        Assert.Equal(36, sheet.Rows.Count);
        // The same bytes, but for the order of responses submitted at the same moment.
        static string[] Lines(byte[] csv) => [.. Encoding.UTF8.GetString(csv).Split("\r\n").Take(1), .. Encoding.UTF8.GetString(csv).Split("\r\n").Skip(1).Order(StringComparer.Ordinal)];
        Assert.Equal(Lines(ExportFiles.ToCsv(sheet)), Lines(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public void The_summary_and_tallies_from_the_counters_equal_those_counted_from_the_responses()
    {
        var figures = Bot.Get<DailyFigures>();
        var (from, to) = (new DateOnly(2024, 6, 12), new DateOnly(2024, 6, 14));
        var filter = new ExportFilter(from, to);
        var stored = figures.ExportData(from, to);
        var counted = stored with { Counts = null, Responses = figures.Responses().ToList() };

        Assert.NotNull(stored.Counts);
        foreach (var sheet in new[] { SummarySheet.SheetName, AnswerTallies.SheetName })
            Assert.Equal(Cells(BoardExport.Build(sheet, counted, filter)), Cells(BoardExport.Build(sheet, stored, filter)));
        // What the counters hold, not zeros: X07's three responses sent too fast, its 28 answers to "sex".
        var summary = Cells(BoardExport.Build(SummarySheet.SheetName, stored, filter));
        Assert.Equal("3", summary.Single(row => row[0] == "X07")[11]);
        Assert.Contains(["X07", "Xã Tân Lập", "sex", "Giới tính của ông/bà?", "Nam", "28", "100.0", "28"], Cells(BoardExport.Build(AnswerTallies.SheetName, stored, filter)));
    }

    private static List<string[]> Cells(Sheet sheet) => [.. sheet.Rows.Select(row => row.Select(cell => cell.ToString()).ToArray())];

    [Fact]
    public async Task Quality_flags_are_in_Vietnamese_and_comments_carry_their_date()
    {
        var responses = Encoding.UTF8.GetString(await DownloadAsync("/dashboard/exports/responses.csv?from=2024-06-13&to=2024-06-13"));
        var comments = Encoding.UTF8.GetString(await DownloadAsync("/dashboard/exports/comments.csv?from=2024-06-13&to=2024-06-13&communes=X07"));

        Assert.Equal(3, responses.Split("\r\n").Count(line => line.EndsWith(",Trả lời quá nhanh", StringComparison.Ordinal)));
        Assert.DoesNotContain("too_fast", responses);
        Assert.Contains("X07,Xã Tân Lập,13/06/2024,comment,", comments);
    }

    [Fact]
    public async Task The_daily_figures_are_also_served_as_json()
    {
        var json = await DownloadAsync("/dashboard/api/daily?from=2024-06-12&to=2024-06-13&communes=X07");

        var days = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("visitors").GetInt32(), d.GetProperty("respondents").GetInt32()))
            .ToList();
        Assert.Equal([("2024-06-12", 20, 12), ("2024-06-13", 10, 14)], days);
    }

    [Fact]
    public async Task The_final_report_downloads_as_a_word_document_with_the_same_figures_and_the_photo()
    {
        using var response = await Client.Http.GetAsync("/dashboard/exports/report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pks02-bao-cao-cuoi-2024-06-12-2024-06-14.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();

        var text = Docx.Paragraphs(docx);
        Assert.Contains("BAN CHỈ ĐẠO QUY CHẾ DÂN CHỦ HUYỆN", text);
        Assert.Contains("Kết quả khảo sát ý kiến người dân về Chủ tịch UBND xã, thị trấn (PKS 02)", text);
        Assert.Contains("Thời gian khảo sát: từ ngày 12/06/2024 đến ngày 14/06/2024", text);
        Assert.Contains(text, p => p.StartsWith("Các tổ công tác đã gửi 1 ảnh", StringComparison.Ordinal));
        Assert.Contains("Ảnh 1: Xã Tân Lập (X07), 14/06/2024", text);
        Assert.DoesNotContain(text, p => p.StartsWith("Ảnh 2", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("Ý kiến số 1 ở X07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_exports_page_offers_the_final_report()
    {
        var html = await PageAsync("/dashboard/exports");

        Assert.Contains("Báo cáo cuối (Word)", html);
        Assert.Contains("href=\"/dashboard/exports/report.docx\"", html);
    }

    [Theory]
    [InlineData("/dashboard/exports/qcdc.csv?from=2025-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/dashboard/exports/qcdc.csv?from=2024-06-14&to=2024-06-12", HttpStatusCode.BadRequest)]
    [InlineData("/dashboard/exports/all.csv", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/exports/secrets.xlsx", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/exports/qcdc.pdf", HttpStatusCode.NotFound)]
    public async Task A_request_for_no_export_is_refused(string path, HttpStatusCode expected)
    {
        using var response = await Client.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }
}
