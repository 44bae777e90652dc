using System.Globalization;
using Microsoft.Extensions.Options;
using Reporting;
using Reporting.Charts;
using Reporting.Exports;
using Reporting.Quota;
using ZaloBot.Reports;
using ZaloBot.Volunteers;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>One commune: its days, how its citizens answered, its photo reports and who is on duty.</summary>
internal static class CommunePage
{
    /// <summary>A real run lasts a few days; a long test window would otherwise make an unreadable series.</summary>
    private const int SeriesDays = 14;

    public static void MapCommunePages(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/communes/{code}", Render);
        routes.Files.MapGet("/charts/communes/{code}.png", (string code, DailyFigures figures, IOptions<QuotaOptions> quota, TimeProvider clock) =>
            Find(figures, code) is { } commune
                ? Results.File(DigestChart.RenderDailySeriesPng(Series(figures, commune, clock), quota.Value, $"{commune.Name}: lượt đến và số phiếu theo ngày"), "image/png")
                : Results.NotFound());
        routes.Files.MapGet("/photos/{id}", (string id, PhotoReports photos) =>
            photos.Find(id) is { } report && photos.Content(report) is { } content
                ? Results.File(content, report.ContentType)
                : Results.NotFound());
    }

    private static Commune? Find(DailyFigures figures, string code) =>
        figures.Communes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    private static List<CommuneDay> Series(DailyFigures figures, Commune commune, TimeProvider clock) =>
        figures.SurveyDaysUntil(clock.Today(), commune.Code, reporters: true).TakeLast(SeriesDays).ToList();

    private static IResult Render(
        string code, HttpContext http, DailyFigures figures, PhotoReports photos, Roster roster, IOptions<QuotaOptions> quota, TimeProvider clock)
    {
        if (Find(figures, code) is not { } commune)
            return Results.NotFound();
        var days = Series(figures, commune, clock);
        return Page(http, $"{commune.Name} ({commune.Code})", $"""
            <section class="card">
            <h2>Theo ngày</h2>
            {DayTable(days, quota.Value)}
            {Chart($"/dashboard/charts/communes/{commune.Code}.png", "Lượt đến và số phiếu theo ngày")}
            <p class="note">Hiện tối đa {SeriesDays} ngày gần nhất; tệp xuất dữ liệu có đủ các ngày.</p>
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
            {Gallery(days.SelectMany(d => photos.Of(commune.Code, d.Date)).OrderByDescending(p => p.ReceivedAt))}
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

    private static string Gallery(IEnumerable<PhotoReport> reports)
    {
        var figures = reports.Select(p => $"""
            <figure><a href="/dashboard/photos/{E(p.Id)}"><img src="/dashboard/photos/{E(p.Id)}" loading="lazy" alt="{E(p.Caption ?? "Ảnh báo cáo")}" /></a>
            <figcaption>{E(VietnamTime.ToLocal(new DateTimeOffset(p.ReceivedAt, TimeSpan.Zero)).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture))} {E(p.Caption)}</figcaption></figure>
            """).ToList();
        return figures.Count > 0 ? $"""<div class="gallery">{string.Concat(figures)}</div>""" : """<p class="note">Chưa có ảnh nào.</p>""";
    }
}
