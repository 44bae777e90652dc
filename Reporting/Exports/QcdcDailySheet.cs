namespace Reporting.Exports;

/// <summary>
/// The PKS02 daily tally as QCDC asks for it, so that staff copy the figures across field by field.
/// Columns in QCDC's order (commune, people on duty, date, visitors, respondents). Rows run commune
/// by commune (in survey-file order), day by day; each commune ends with its "Lũy kế" row over the
/// filtered days, and the sheet ends with a "Tổng cộng" row over all of them.
/// </summary>
public static class QcdcDailySheet
{
    public const string SheetName = "QCDC PKS02";

    private static readonly string[] Headers =
    [
        ExportLabels.CommuneName,
        "Họ tên, chức vụ, đơn vị cán bộ, đoàn viên được phân công",
        "Ngày báo cáo",
        "Số lượt người dân, tổ chức làm thủ tục tại bộ phận một cửa (trong ngày)",
        "Số người, tổ chức tham gia đánh giá khảo sát (trong ngày)",
    ];

    /// <summary>
    /// A day whose visitor count was never reported shows blank and adds nothing to the totals;
    /// a total is blank only when no day in it was reported.
    /// </summary>
    public static Table Build(IReadOnlyList<Commune> communes, IEnumerable<CommuneDay> days, ExportFilter filter)
    {
        var directory = new CommuneDirectory(communes);
        var included = days.Where(filter.Includes).ToList();
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var commune in included.GroupBy(d => d.CommuneCode).OrderBy(g => g.Key, directory))
        {
            var name = directory.Name(commune.Key);
            rows.AddRange(commune.OrderBy(d => d.Date).Select(day => DayRow(day, name)));
            rows.Add(TotalRow("Lũy kế", name, [.. commune]));
        }

        rows.Add(TotalRow("Tổng cộng", filter.ScopeName, included));
        return new Table(SheetName, Headers, rows);
    }

    private static Cell[] DayRow(CommuneDay day, string communeName) =>
    [
        communeName,
        string.Join("; ", day.OnDuty),
        day.Date,
        Cell.Optional(day.Visitors),
        day.Respondents,
    ];

    private static Cell[] TotalRow(string label, string scope, IReadOnlyList<CommuneDay> days) =>
    [
        scope,
        Cell.Empty,
        label,
        Cell.Optional(days.Any(d => d.Visitors is not null) ? Counts.Sum(days, d => d.Visitors ?? 0) : null),
        days.Sum(d => d.Respondents),
    ];
}
