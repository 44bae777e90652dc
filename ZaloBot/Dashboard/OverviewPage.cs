using Microsoft.Extensions.Options;
using Reporting;
using Reporting.Charts;
using Reporting.Quota;
using ZaloBot.Reports;
using ZaloBot.Zalo;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>The district at a glance: each commune today and since the survey opened, with the quota's verdicts and a chart.</summary>
internal static class OverviewPage
{
    /// <summary>
    /// One commune's line: today's figures and verdict; the totals since the survey opened, and the
    /// verdict over them (which leaves out the days without a visitor count, see <see cref="QuotaRule.EvaluatePeriod"/>).
    /// </summary>
    private sealed record Line(Commune Commune, CommuneDay Today, QuotaResult TodayQuota, int? VisitorsSoFar, int RespondentsSoFar, QuotaResult SoFar);

    public static void MapOverview(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/", (HttpContext http, DailyFigures figures, Outbox outbox, IOptions<QuotaOptions> quota, TimeProvider clock) =>
            Render(http, Lines(figures, quota.Value, clock.Today()), clock.Today(), outbox.Queue.Failed(FailedShown + 1).Count));
        routes.Files.MapGet("/charts/overview.png", (DailyFigures figures, IOptions<QuotaOptions> quota, TimeProvider clock) =>
            Results.File(
                DigestChart.RenderPng([.. Lines(figures, quota.Value, clock.Today()).Select(l => new ChartBar(l.Commune.Code, l.SoFar))], "Số phiếu lũy kế theo xã, thị trấn"),
                "image/png"));
    }

    private static List<Line> Lines(DailyFigures figures, QuotaOptions quota, DateOnly today)
    {
        var todays = figures.Days(today, today).ToDictionary(d => d.CommuneCode);
        var soFar = figures.SurveyDaysUntil(today).ToLookup(d => d.CommuneCode);
        return figures.Communes.Select(c => new Line(
                c,
                todays[c.Code],
                QuotaRule.Evaluate(todays[c.Code].Visitors, todays[c.Code].Respondents, quota),
                soFar[c.Code].Any(d => d.Visitors is not null) ? Counts.Sum(soFar[c.Code], d => d.Visitors ?? 0) : null,
                soFar[c.Code].Sum(d => d.Respondents),
                QuotaRule.EvaluatePeriod(soFar[c.Code], quota)))
            .ToList();
    }

    private const int FailedShown = 100;

    private static IResult Render(HttpContext http, List<Line> lines, DateOnly today, int failedMessages)
    {
        var rows = lines.Select(l => new[]
        {
            // On a phone the verdict columns are scrolled out of sight: the period's verdict also sits under the name.
            $"""<a href="/dashboard/communes/{E(l.Commune.Code)}">{E(l.Commune.Name)}</a><span class="narrow-only"> {Status(l.SoFar)}</span>""",
            Visitors(l.Today.Visitors), E(l.Today.Respondents), Status(l.TodayQuota), E(l.Today.Photos),
            Visitors(l.VisitorsSoFar), E(l.RespondentsSoFar), Status(l.SoFar),
        });
        var total = $"""
            <tr class="total"><td>Toàn huyện</td><td>{E(Counts.Sum(lines, l => l.Today.Visitors ?? 0))}</td><td>{E(lines.Sum(l => l.Today.Respondents))}</td><td></td>
            <td>{E(lines.Sum(l => l.Today.Photos))}</td><td>{E(Counts.Sum(lines, l => l.VisitorsSoFar ?? 0))}</td><td>{E(lines.Sum(l => l.RespondentsSoFar))}</td><td></td></tr>
            """;
        return Page(http, "Tổng quan", $"""
            <section class="card">
            <h2>Hôm nay {Date(today)} và lũy kế</h2>
            {Table(["Xã, thị trấn", "Lượt đến hôm nay", "Phiếu hôm nay", "Hôm nay", "Ảnh hôm nay", "Lượt đến lũy kế", "Phiếu lũy kế", "Lũy kế"], rows, total)}
            <p class="note">Lượt đến: số người dân đến bộ phận một cửa do tổ công tác báo cáo (– là chưa báo cáo). Lũy kế tính từ ngày mở khảo sát; ngày chưa báo cáo lượt đến không được tính vào đánh giá chỉ tiêu.</p>
            </section>
            <section class="card">
            <h2>Biểu đồ số phiếu lũy kế</h2>
            {Chart("/dashboard/charts/overview.png", "Số phiếu lũy kế của từng xã, thị trấn so với khoảng đạt chỉ tiêu")}
            </section>
            {FailedMessagesCard(failedMessages)}
            """);
    }

    /// <summary>Messages Zalo refused, or would not take after hours of retries: the operator looks at them with <c>outbox failed</c>.</summary>
    private static string FailedMessagesCard(int count) =>
        $"""
        <section class="card small" id="failed-messages">
        <h2>Tin nhắn chưa gửi được</h2>
        <p><strong>{(count > FailedShown ? $"Hơn {FailedShown}" : E(count))}</strong> tin nhắn Zalo không nhận, kể cả khi đã thử gửi lại.</p>
        {(count == 0 ? "" : """<p class="note">Người vận hành xem bằng lệnh <code>outbox failed</code> và gửi lại bằng <code>outbox retry all</code>.</p>""")}
        </section>
        """;
}
