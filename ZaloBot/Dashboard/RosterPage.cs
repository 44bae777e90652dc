using System.Globalization;
using ZaloBot.Reports;
using ZaloBot.Volunteers;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>
/// Roster upload while the service runs: the same CSV and checks as <c>roster import</c>. The
/// upload only previews (every invalid line with its reason, or the people it holds); the roster
/// changes when the preview is confirmed. The confirm form carries the file itself, so nothing
/// waits on the server between the two steps.
/// </summary>
internal static class RosterPage
{
    private const string Path = "/dashboard/roster";

    /// <summary>A roster is a few hundred lines; anything much larger is the wrong file.</summary>
    private const long MaxBytes = 1024 * 1024;

    public static void MapRosterPage(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/roster", Render);
        routes.Pages.MapPost("/roster/preview", PreviewAsync);
        routes.Pages.MapPost("/roster/confirm", Confirm);
    }

    private static IResult Render(int? imported, HttpContext http, Roster roster, DailyFigures figures)
    {
        var entries = roster.All();
        var done = imported is { } count ? $"""<p class="done" role="status">Đã nhập {E(count)} người vào lịch phân công.</p>""" : "";
        return Page(http, "Lịch phân công", $"""
            {done}
            <section class="card">
            <p>Lịch phân công hiện có {E(entries.Count)} người ở {E(entries.Select(e => e.CommuneCode).Distinct().Count())} xã, thị trấn. Tải lên tệp mới sẽ thay toàn bộ lịch cũ, sau khi anh/chị xem trước và xác nhận.</p>
            {UploadForm(http)}
            </section>
            {Help(figures)}
            """);
    }

    private static string UploadForm(HttpContext http) => Form(http, $"{Path}/preview", """
        <label for="file">Tệp CSV lịch phân công</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        <button type="submit">Xem trước</button>
        """, "stack", upload: true);

    private static string Help(DailyFigures figures) => $"""
        <section class="card">
        <h2>Cách lập tệp</h2>
        <p>Lưu từ Excel dưới dạng "CSV UTF-8". Dòng đầu là tiêu đề, mỗi dòng sau là một người:</p>
        <pre>{E(RosterCsv.Header)}
        X07,Nguyễn Văn An,Hội viên CCB,0912345678,{Date(figures.Window.Opens)};{Date(figures.Window.Opens.AddDays(1))}</pre>
        <p class="note">Ngày trực dạng ngày/tháng/năm, cách nhau bằng dấu chấm phẩy, trong thời gian khảo sát ({Date(figures.Window.Opens)} – {Date(figures.Window.Closes)}). Số điện thoại có thể để trống.</p>
        </section>
        """;

    private static async Task<IResult> PreviewAsync(HttpContext http, RosterImport import, DailyFigures figures)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form.Files.GetFile("file") is not { Length: > 0 } upload)
            return Problem(http, "Chưa chọn tệp nào. Xin chọn tệp CSV lịch phân công rồi bấm Xem trước.");
        if (upload.Length > MaxBytes)
            return Problem(http, "Tệp quá lớn cho một lịch phân công (tối đa 1 MB). Xin kiểm tra lại đã chọn đúng tệp chưa.");

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        var file = import.Check(new MemoryStream(bytes));
        return file.Errors.Count > 0 ? Invalid(http, upload.FileName, file) : Valid(http, upload.FileName, file, bytes, figures);
    }

    private static IResult Invalid(HttpContext http, string name, RosterFile file) =>
        Page(http, "Xem trước lịch phân công", $"""
            <section class="card">
            <p class="error" role="alert">Tệp {E(name)} có {E(file.Errors.Count)} lỗi. Chưa nhập gì: xin sửa các dòng dưới đây trong tệp rồi tải lên lại.</p>
            {Table(["Dòng", "Lỗi"], file.Errors.Select(e => new[] { E(e.Line), E(e.Message) }))}
            </section>
            <section class="card">{UploadForm(http)}</section>
            """);

    private static IResult Valid(HttpContext http, string name, RosterFile file, byte[] bytes, DailyFigures figures)
    {
        var names = figures.Communes.ToDictionary(c => c.Code, c => c.Name);
        var rows = file.Entries.Select(e => new[]
        {
            E(names.GetValueOrDefault(e.CommuneCode, e.CommuneCode)), E(e.Name), E(e.Position), E(e.Phone ?? "–"),
            E(string.Join("; ", e.DutyDates.Select(d => Date(DateOnly.FromDateTime(d))))),
        });
        var confirm = Form(http, $"{Path}/confirm", $"""
            <input type="hidden" name="csv" value="{Convert.ToBase64String(bytes)}" />
            <div class="buttons"><button type="submit">Nhập lịch này (thay lịch cũ)</button><a class="button secondary" href="{Path}">Không nhập</a></div>
            """);
        return Page(http, "Xem trước lịch phân công", $"""
            <section class="card">
            <p>Tệp {E(name)} không có lỗi: {E(file.Entries.Count)} người. Lịch chưa thay đổi cho đến khi anh/chị bấm "Nhập lịch này".</p>
            {confirm}
            </section>
            <section class="card">
            {Table(["Xã, thị trấn", "Họ tên", "Chức vụ", "Số điện thoại", "Ngày trực"], rows)}
            </section>
            """);
    }

    /// <summary>The file comes back from the preview's form and is checked again: the survey file or the communes may have changed meanwhile.</summary>
    private static IResult Confirm(HttpContext http, RosterImport import)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(http.Request.Form["csv"].ToString());
        }
        catch (FormatException)
        {
            return Results.BadRequest();
        }
        var file = import.Import(new MemoryStream(bytes));
        return file.Errors.Count > 0
            ? Invalid(http, "đã xem trước", file)
            : Results.Redirect($"{Path}?imported={file.Entries.Count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static IResult Problem(HttpContext http, string message) =>
        Page(http, "Xem trước lịch phân công", $"""
            <section class="card"><p class="error" role="alert">{E(message)}</p>{UploadForm(http)}</section>
            """);
}
