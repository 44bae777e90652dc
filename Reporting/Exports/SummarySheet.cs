using Reporting.Quota;

namespace Reporting.Exports;

/// <summary>
/// One row per commune with the final report's figures, and the district's totals last: the quota
/// over the period, the answers, the photos, the share satisfied with the chairman and its rank.
/// </summary>
public static class SummarySheet
{
    public const string SheetName = "Tổng hợp";

    private static readonly string[] Headers =
    [
        ExportLabels.CommuneCode,
        ExportLabels.CommuneName,
        "Số lượt người dân đến (các ngày đã báo cáo)",
        "Số phiếu (các ngày đã báo cáo)",
        "Tỷ lệ phiếu/lượt đến (%)",
        "Kết quả",
        "Tổng số phiếu",
        "Số ảnh báo cáo",
        "Số người trả lời câu hài lòng chung",
        "Hài lòng, rất hài lòng (%)",
        "Xếp hạng",
        "Phiếu có dấu hiệu cần kiểm tra",
        "Số ngày phiếu nhiều hơn lượt đến",
    ];

    public static Table Build(SurveyData data, ExportFilter filter, QuotaOptions quota, Satisfaction? satisfaction = null)
    {
        var communes = DistrictSummary.Build(data, filter, quota, satisfaction);
        var totals = DistrictSummary.Totals(communes);
        var rows = communes.Select(c => Row(c, quota)).Append(TotalRow(totals, filter)).ToList();
        return new Table(SheetName, Headers, rows);
    }

    private static IReadOnlyList<Cell> Row(CommuneSummary c, QuotaOptions quota) =>
    [
        c.Commune.Code,
        c.Commune.Name,
        Cell.Optional(c.Quota.Visitors),
        c.Quota.Visitors is null ? Cell.Empty : c.Quota.Respondents,
        c.Quota.Visitors is > 0 and int v ? Cell.Percent(AnswerTallies.Percent(c.Quota.Respondents, v)) : Cell.Empty,
        c.Quota.Verdict(quota),
        c.Respondents,
        c.Photos,
        c.SatisfactionAnswered,
        c.SatisfiedPercent is { } p ? Cell.Percent(p) : Cell.Empty,
        Cell.Optional(c.Rank),
        c.FlaggedResponses.Values.Sum(),
        c.MoreAnswersThanVisitors.Count,
    ];

    private static IReadOnlyList<Cell> TotalRow(DistrictTotals t, ExportFilter filter) =>
    [
        "",
        filter.ScopeName,
        t.ReportedVisitors,
        t.ReportedRespondents,
        t.RatioPercent is { } ratio ? Cell.Percent(ratio) : Cell.Empty,
        $"Đạt {t.OnTarget}/{t.Communes} xã",
        t.Respondents,
        t.Photos,
        t.SatisfactionAnswered,
        t.SatisfiedPercent is { } p ? Cell.Percent(p) : Cell.Empty,
        Cell.Empty,
        t.FlaggedResponses,
        t.MoreAnswersThanVisitors,
    ];
}
