using System.Globalization;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using Reporting;
using Reporting.Charts;
using Reporting.Exports;
using Reporting.Quota;
using ZaloBot.Reports;
using ZaloBot.Volunteers;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>
/// One commune: its days, who reported and corrected each day's visitor count, how its citizens
/// answered, its photo reports (who sent each, one day's as a zip) and who is on duty.
/// </summary>
internal static class CommunePage
{
    /// <summary>A real run lasts a few days; a long test window would otherwise make an unreadable series.</summary>
    private const int SeriesDays = 14;

    public static void MapCommunePages(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/communes/{code}", Render);
        routes.Files.MapGet("/charts/communes/{code}.png", (string code, bool? phone, DailyFigures figures, IOptions<QuotaOptions> quota, TimeProvider clock) =>
            Find(figures, code) is { } commune
                ? Results.File(phone == true
                    ? DigestChart.RenderDailySeriesPng(Series(figures, commune, clock), quota.Value, $"{commune.Name}: lượt đến và số phiếu", width: 1080, height: 1080, forPhone: true)
                    : DigestChart.RenderDailySeriesPng(Series(figures, commune, clock), quota.Value, $"{commune.Name}: lượt đến và số phiếu theo ngày"), "image/png")
                : Results.NotFound());
        routes.Files.MapGet("/photos/{id}", (string id, PhotoReports photos) =>
            photos.Find(id) is { } report && photos.Content(report) is { } content
                ? Results.File(content, report.ContentType)
                : Results.NotFound());
        routes.Pages.MapGet("/photos/{id}/view", PhotoView);
        routes.Files.MapGet("/communes/{code}/photos/{date}.zip", DayZip);
    }

    private static Commune? Find(DailyFigures figures, string code) =>
        figures.Communes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    private static List<CommuneDay> Series(DailyFigures figures, Commune commune, TimeProvider clock) =>
        figures.SurveyDaysUntil(clock.Today(), commune.Code, reporters: true).TakeLast(SeriesDays).ToList();

    private static IResult Render(
        string code, HttpContext http, DailyFigures figures, PhotoReports photos, VisitorCounts visitors, IStaffStore staff, Roster roster, IOptions<QuotaOptions> quota, TimeProvider clock)
    {
        if (Find(figures, code) is not { } commune)
            return Results.NotFound();
        var days = Series(figures, commune, clock);
        var senders = StaffLabels.Of(staff);
        return Page(http, $"{commune.Name} ({commune.Code})", $"""
            <section class="card">
            <h2>Theo ngày</h2>
            {DayTable(days, quota.Value)}
            {Chart($"/dashboard/charts/communes/{commune.Code}.png", "Lượt đến và số phiếu theo ngày", $"/dashboard/charts/communes/{commune.Code}.png?phone=true")}
            <p class="note">Hiện tối đa {SeriesDays} ngày gần nhất; tệp xuất dữ liệu có đủ các ngày.</p>
            </section>
            <section class="card">
            <h2>Số lượt đến: ai báo, ai sửa</h2>
            {History(days.Select(d => visitors.Find(commune.Code, d.Date)).OfType<VisitorCount>(), senders)}
            </section>
            <section class="card">
            <h2>Tổ công tác trực hôm nay</h2>
            {OnDuty(roster.OnDuty(commune.Code, clock.Today()))}
            </section>
            <section class="card">
            <h2>Kết quả theo câu hỏi</h2>
            {Tallies(figures, commune)}
            </section>
            <section class="card">
            <h2>Ảnh báo cáo</h2>
            {Gallery(commune, days.SelectMany(d => photos.Of(commune.Code, d.Date)).ToList(), senders)}
            </section>
            """);
    }

    private static string DayTable(IEnumerable<CommuneDay> days, QuotaOptions quota) => Table(
        ["Ngày", "Lượt đến", "Phiếu", "Đánh giá", "Ảnh", "Người trực"],
        days.Select(d => new[]
        {
            Date(d.Date), Visitors(d.Visitors), E(d.Respondents), Status(QuotaRule.Evaluate(d.Visitors, d.Respondents, quota)),
            E(d.Photos), E(string.Join("; ", d.OnDuty)),
        }));

    private static string OnDuty(IReadOnlyList<string> people) => people.Count == 0
        ? """<p class="note">Chưa có ai trong lịch phân công hôm nay.</p>"""
        : $"<ul>{string.Concat(people.Select(p => $"<li>{E(p)}</li>"))}</ul>";

    /// <summary>
    /// The same tallies as the export's "Thống kê" sheet, drawn as bars. Its columns: commune code,
    /// commune name, question id, question, option, times chosen, percent, respondents to the question.
    /// </summary>
    private static string Tallies(DailyFigures figures, Commune commune)
    {
        var (opens, closes) = figures.Window;
        var table = AnswerTallies.FromCounts(figures.Communes, figures.Questions, figures.Tallies(opens, closes, commune.Code), new ExportFilter(opens, closes, [commune.Code]));
        var questions = table.Rows.Where(r => r[0].Text == commune.Code).GroupBy(r => r[2].Text).Select(q => $"""
            <h3>{E(q.First()[3].Text)}</h3>
            <p class="note">{q.First()[7]} người trả lời câu này</p>
            <div class="bars">{string.Concat(q.Select(Bar))}</div>
            """).ToList();
        return questions.Count > 0 ? string.Concat(questions) : """<p class="note">Chưa có phiếu nào.</p>""";
    }

    private static string Bar(IReadOnlyList<Cell> row)
    {
        var percent = row[6].Number ?? 0;
        var shown = string.Create(CultureInfo.InvariantCulture, $"{percent}");
        return $"""
            <div class="bar"><span>{E(row[4].Text)}</span><span class="track"><span class="fill" style="width:{shown}%"></span><span class="value">{row[5]} ({shown}%)</span></span></div>
            """;
    }

    /// <summary>Every report and correction, today's first: who sent it, when, and the number before and after.</summary>
    private static string History(IEnumerable<VisitorCount> counts, IReadOnlyDictionary<string, string> senders)
    {
        var changes = counts
            .OrderByDescending(c => c.Date)
            .SelectMany(c => c.History.OrderByDescending(h => h.At).Select(h => (Day: DateOnly.FromDateTime(c.Date), Change: h)))
            .ToList();
        return changes.Count == 0
            ? """<p class="note">Chưa ai báo số lượt.</p>"""
            : Table(
                ["Ngày", "Lúc", "Người gửi", "Số cũ", "Số mới"],
                changes.Select(x => new[]
                {
                    Date(x.Day), E(Clock(x.Change.At)), E(StaffLabels.Name(senders, x.Change.StaffKey)),
                    x.Change.OldValue is { } old ? E(old) : "–", E(x.Change.NewValue),
                }));
    }

    /// <summary>Photos by day, today first; each opens large, and each day's download as one zip.</summary>
    private static string Gallery(Commune commune, IReadOnlyList<PhotoReport> reports, IReadOnlyDictionary<string, string> senders)
    {
        if (reports.Count == 0)
            return """<p class="note">Chưa có ảnh nào.</p>""";
        return string.Concat(reports.GroupBy(p => DateOnly.FromDateTime(p.Date)).OrderByDescending(g => g.Key).Select(day => $"""
            <h3>Ngày {Date(day.Key)}: {E(day.Count())} ảnh <a class="button secondary" href="/dashboard/communes/{E(commune.Code)}/photos/{Iso(day.Key)}.zip" download>Tải cả ngày (.zip)</a></h3>
            <div class="gallery">{string.Concat(day.OrderByDescending(p => p.ReceivedAt).Select(p => $"""
                <figure><a href="/dashboard/photos/{E(p.Id)}/view"><img src="/dashboard/photos/{E(p.Id)}" loading="lazy" alt="{E(p.Caption ?? "Ảnh báo cáo")}" /></a>
                <figcaption>{E(Clock(p.ReceivedAt))} · {E(StaffLabels.Name(senders, p.StaffKey))}<br />{E(p.Caption)}</figcaption></figure>
                """))}</div>
            """));
    }

    /// <summary>One photo as large as the screen allows, with who sent it; the original opens at full size.</summary>
    private static IResult PhotoView(string id, HttpContext http, PhotoReports photos, IStaffStore staff, DailyFigures figures)
    {
        if (photos.Find(id) is not { } photo || Find(figures, photo.CommuneCode) is not { } commune)
            return Results.NotFound();
        return Page(http, $"Ảnh báo cáo – {commune.Name}", $"""
            <section class="card">
            <a href="/dashboard/photos/{E(photo.Id)}"><img class="photo-large" src="/dashboard/photos/{E(photo.Id)}" alt="{E(photo.Caption ?? "Ảnh báo cáo")}" /></a>
            <p>{E(Clock(photo.ReceivedAt))} ngày {Date(DateOnly.FromDateTime(photo.Date))} · {E(StaffLabels.Name(StaffLabels.Of(staff), photo.StaffKey))}</p>
            {(string.IsNullOrWhiteSpace(photo.Caption) ? "" : $"<p>{E(photo.Caption)}</p>")}
            <div class="buttons"><a class="button secondary" href="/dashboard/communes/{E(commune.Code)}">Về trang {E(commune.Name)}</a><a class="button secondary" href="/dashboard/photos/{E(photo.Id)}" download>Tải ảnh gốc</a></div>
            </section>
            """);
    }

    /// <summary>
    /// A day's photos as one zip, named by time and sender's order so they sort as they came. Photos
    /// are already compressed, so they are stored, not deflated again.
    /// </summary>
    private static IResult DayZip(string code, string date, PhotoReports photos, DailyFigures figures)
    {
        if (Find(figures, code) is not { } commune
            || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Results.NotFound();
        var reports = photos.Of(commune.Code, day).OrderBy(p => p.ReceivedAt).ToList();
        if (reports.Count == 0)
            return Results.NotFound();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < reports.Count; i++)
            {
                if (photos.Content(reports[i]) is not { } content)
                    continue;
                var at = VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(reports[i].ReceivedAt, DateTimeKind.Utc)));
                var entry = zip.CreateEntry($"{commune.Code}-{Iso(day)}-{i + 1:00}-{at:HHmm}{PhotoFormat.ExtensionOf(reports[i].ContentType)}", CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return Results.File(buffer.ToArray(), "application/zip", $"anh-{commune.Code}-{Iso(day)}.zip");
    }

    private static string Clock(DateTime utc) =>
        VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("HH:mm", CultureInfo.InvariantCulture);
}
