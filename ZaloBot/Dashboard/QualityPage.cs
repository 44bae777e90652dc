using Microsoft.Extensions.Options;
using Reporting;
using ZaloBot.Conversation;
using ZaloBot.Reports;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>What deserves a second look: more answers than visitors, answers given too fast, communes without photos today.</summary>
internal static class QualityPage
{
    public static void MapQuality(this DashboardRoutes routes) =>
        routes.Pages.MapGet("/quality", (HttpContext http, DailyFigures figures, IOptions<SurveyEngineOptions> survey, TimeProvider clock) =>
        {
            var today = clock.Today();
            var days = figures.SurveyDaysUntil(today);
            var names = figures.Communes.ToDictionary(c => c.Code, c => c.Name);
            return Page(http, "Cần kiểm tra", $"""
                {ImplausibleCounts(days, names)}
                <section class="card">
                <h2>Phiếu nhiều hơn lượt đến (R &gt; V)</h2>
                {MoreAnswersThanVisitors(days, names)}
                </section>
                <section class="card">
                <h2>Phiếu trả lời quá nhanh (dưới {E(survey.Value.TooFastSeconds)} giây)</h2>
                {TooFast(figures.Flagged(QualityFlags.TooFast, figures.Window.Opens, today), names)}
                </section>
                <section class="card">
                <h2>Chưa có ảnh báo cáo hôm nay ({Date(today)})</h2>
                {WithoutPhotos(figures.Days(today, today), names)}
                </section>
                """);
        });

    private static string CommuneLink(string code, IReadOnlyDictionary<string, string> names) =>
        $"""<a href="/dashboard/communes/{E(code)}">{E(names.GetValueOrDefault(code, code))}</a>""";

    /// <summary>How many rows a list shows: the newest; the exports hold them all.</summary>
    internal const int RowsShown = 100;

    /// <summary>The newest <see cref="RowsShown"/> rows, and how many more there are.</summary>
    private static string Newest<T>(IReadOnlyCollection<T> rows, IEnumerable<string> headers, Func<T, string[]> row) =>
        Table(headers, rows.Take(RowsShown).Select(row))
        + (rows.Count > RowsShown
            ? $"""<p class="note">Đang hiện {E(RowsShown)} dòng mới nhất trong {E(rows.Count)} dòng. Xem đủ trong tệp <a href="/dashboard/exports">Xuất dữ liệu</a>.</p>"""
            : "");

    private static string MoreAnswersThanVisitors(IEnumerable<CommuneDay> days, IReadOnlyDictionary<string, string> names)
    {
        var flagged = days.Where(d => d.Respondents > d.Visitors).OrderByDescending(d => d.Date).ToList();
        return flagged.Count == 0
            ? """<p class="note">Không có ngày nào.</p>"""
            : Newest(flagged, ["Ngày", "Xã, thị trấn", "Lượt đến (V)", "Phiếu (R)"],
                d => [Date(d.Date), CommuneLink(d.CommuneCode, names), Visitors(d.Visitors), E(d.Respondents)]);
    }

    /// <summary>A count no desk could have: shown first, so it is corrected before anyone reads the totals.</summary>
    private static string ImplausibleCounts(IEnumerable<CommuneDay> days, IReadOnlyDictionary<string, string> names)
    {
        var flagged = days.Where(d => Counts.IsImplausibleVisitors(d.Visitors)).OrderByDescending(d => d.Date).ToList();
        return flagged.Count == 0
            ? ""
            : $"""
                <section class="card">
                <h2>Số lượt đến cần kiểm tra lại</h2>
                <p class="note">Số lượt âm hoặc lớn hơn {E(Counts.MostPlausibleVisitorsPerDay)} một ngày; tổ công tác gửi lại số đúng bằng LUOT.</p>
                {Newest(flagged, ["Ngày", "Xã, thị trấn", "Lượt đến (V)"], d => [Date(d.Date), CommuneLink(d.CommuneCode, names), Visitors(d.Visitors)])}
                </section>
                """;
    }

    /// <summary>Counted per commune and day: the responses are anonymous, and a count is what a check needs.</summary>
    private static string TooFast(IReadOnlyDictionary<(string Commune, DateOnly Day), int> flagged, IReadOnlyDictionary<string, string> names) =>
        flagged.Count == 0
            ? """<p class="note">Không có phiếu nào.</p>"""
            : Newest(flagged.OrderByDescending(x => x.Key.Day).ThenBy(x => x.Key.Commune).ToList(), ["Ngày", "Xã, thị trấn", "Số phiếu quá nhanh"],
                x => [Date(x.Key.Day), CommuneLink(x.Key.Commune, names), E(x.Value)]);

    private static string WithoutPhotos(IEnumerable<CommuneDay> today, IReadOnlyDictionary<string, string> names)
    {
        var missing = today.Where(d => d.Photos == 0).Select(d => $"<li>{CommuneLink(d.CommuneCode, names)}</li>").ToList();
        return missing.Count == 0 ? """<p class="note">Xã, thị trấn nào cũng đã gửi ảnh.</p>""" : $"<ul>{string.Concat(missing)}</ul>";
    }
}
