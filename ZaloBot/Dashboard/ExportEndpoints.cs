using Microsoft.Extensions.Options;
using Reporting;
using Reporting.Exports;
using Reporting.FinalReport;
using Reporting.Quota;
using ZaloBot.Reports;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>
/// The board's exports, filtered by date range and communes: the exports page, the files (CSV in
/// UTF-8 with BOM, XLSX) and the daily figures as JSON for officials' other tools.
/// </summary>
internal static class ExportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The downloads by their name in the URL, each one sheet of <see cref="BoardExport"/>; "all" is every sheet.</summary>
    private static readonly (string Kind, string Sheet, string Label)[] Kinds =
    [
        ("qcdc", QcdcDailySheet.SheetName, "Báo cáo ngày theo mẫu QCDC PKS02"),
        ("tallies", AnswerTallies.SheetName, "Thống kê câu trả lời theo xã"),
        ("comments", FreeTextAnswers.SheetName, "Ý kiến, kiến nghị"),
        ("responses", ResponseSheet.SheetName, "Phiếu (ẩn danh)"),
    ];

    private const string All = "all";

    public static void MapExports(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/exports", ExportsPage);
        routes.Files.MapGet("/exports/report.docx", (FinalReportFile report) =>
            Results.File(report.Build(), FinalReportDocument.ContentType, report.FileName));
        routes.Files.MapGet("/exports/{kind}.{format}", Download);
        routes.Files.MapGet("/api/daily", (DateOnly? from, DateOnly? to, string[]? communes, DailyFigures figures, TimeProvider clock) =>
            Filter(figures, clock, from, to, communes) is { } filter
                ? Results.Json(figures.Days(filter.From, filter.To).Where(filter.Includes))
                : Results.BadRequest(OutsideWindow(figures)));
    }

    private static async Task<IResult> Download(
        string kind, string format, DateOnly? from, DateOnly? to, string[]? communes, DailyFigures figures, IOptions<QuotaOptions> quota, TimeProvider clock)
    {
        var sheet = Kinds.FirstOrDefault(k => k.Kind == kind).Sheet;
        if ((sheet is null && kind != All) || format is not ("csv" or "xlsx") || (kind == All && format == "csv"))
            return Results.NotFound();
        if (Filter(figures, clock, from, to, communes) is not { } filter)
            return Results.BadRequest(OutsideWindow(figures));

        // Only the sheets asked for are read; the responses sheet as it is written (in the order
        // the responses were submitted), never held whole.
        var name = $"pks02-{kind}-{Iso(filter.From)}-{Iso(filter.To)}.{format}";
        var data = figures.ExportData(filter.From, filter.To);
        if (format == "csv")
        {
            var one = BoardExport.Build(sheet!, data, filter, quota.Value);
            return Results.Stream(output => ExportFiles.WriteCsvAsync(one.Headers, one.Rows, output), "text/csv; charset=utf-8", name);
        }

        var workbook = await WriteXlsxAsync(file =>
        {
            if (kind == All)
                BoardExport.WriteWorkbook(data, filter, file, quota.Value);
            else
                ExportFiles.WriteXlsx([BoardExport.Build(sheet!, data, filter, quota.Value)], file);
        });
        return Results.File(workbook, XlsxType, name);
    }

    /// <summary>
    /// A workbook is a zip: it is written to a temporary file, deleted when the file is closed once
    /// sent, so that neither the workbook nor its rows are held in memory and the download has a
    /// length. The writing reads the store, so it runs off the request's thread.
    /// </summary>
    private static async Task<FileStream> WriteXlsxAsync(Action<Stream> write)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"zalobot-export-{Guid.NewGuid():N}.xlsx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => write(file));
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The requested days, kept within the survey window (there is nothing outside it, and an open
    /// range must not walk through years of empty days); by default the survey days so far. Null
    /// when nothing of the request falls inside the window.
    /// </summary>
    private static ExportFilter? Filter(DailyFigures figures, TimeProvider clock, DateOnly? from, DateOnly? to, string[]? communes)
    {
        var (opens, closes) = figures.Window;
        var first = Max(from ?? opens, opens);
        var last = Min(to ?? UntilToday(figures, clock), closes);
        var chosen = (communes ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return first <= last ? new ExportFilter(first, last, chosen) : null;
    }

    /// <summary>The default last day: today, or the window's nearest end when today is outside it.</summary>
    private static DateOnly UntilToday(DailyFigures figures, TimeProvider clock) =>
        Min(Max(clock.Today(), figures.Window.Opens), figures.Window.Closes);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string OutsideWindow(DailyFigures figures) =>
        $"Khoảng ngày không hợp lệ hoặc nằm ngoài thời gian khảo sát ({Date(figures.Window.Opens)} – {Date(figures.Window.Closes)}).";

    private static IResult ExportsPage(HttpContext http, DailyFigures figures, TimeProvider clock)
    {
        var (opens, closes) = figures.Window;
        var communes = string.Concat(figures.Communes.Select(c =>
            $"""<label><input type="checkbox" name="communes" value="{E(c.Code)}" /> {E(c.Name)}</label>"""));
        var buttons = string.Concat(Kinds.Select(k => $"""
            <p><strong>{E(k.Label)}</strong></p>
            <div class="buttons"><button formaction="/dashboard/exports/{k.Kind}.xlsx">XLSX</button><button formaction="/dashboard/exports/{k.Kind}.csv">CSV</button></div>
            """));
        return Page(http, "Xuất dữ liệu", $"""
            <section class="card">
            <h2>Báo cáo cuối (Word)</h2>
            <p>Báo cáo kết quả khảo sát theo mẫu văn bản, từ ngày {Date(opens)} đến hôm nay (hoặc đến ngày kết thúc khảo sát): cách thức tiến hành, kết quả từng xã, xếp hạng, ý kiến của người dân, các dấu hiệu cần kiểm tra và ảnh của tổ công tác. Tải về để đọc, sửa, ký và gửi đi.</p>
            <div class="buttons"><a class="button" href="/dashboard/exports/report.docx" download>Tải báo cáo cuối (.docx)</a></div>
            </section>
            <section class="card">
            <h2>Bảng số liệu</h2>
            <form method="get" action="/dashboard/exports/{All}.xlsx" class="stack">
            <label for="from">Từ ngày</label><input id="from" name="from" type="date" value="{Iso(opens)}" min="{Iso(opens)}" max="{Iso(closes)}" />
            <label for="to">Đến ngày</label><input id="to" name="to" type="date" value="{Iso(UntilToday(figures, clock))}" min="{Iso(opens)}" max="{Iso(closes)}" />
            <fieldset><legend>Xã, thị trấn (không chọn xã nào là toàn huyện)</legend><div class="communes">{communes}</div></fieldset>
            <p><strong>Tất cả các bảng trong một tệp</strong></p>
            <div class="buttons"><button type="submit">XLSX</button></div>
            {buttons}
            </form>
            <p class="note">Tệp CSV dùng mã UTF-8 có BOM để Excel hiển thị đúng tiếng Việt. Bảng QCDC giữ đúng tên cột của phần mềm QCDC, có dòng "Lũy kế" cho từng xã.
            Số liệu theo ngày cũng có dạng JSON: <code>/dashboard/api/daily?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;communes=X01,X02</code>.</p>
            </section>
            """);
    }
}
