using System.Globalization;
using System.Text;
using Reporting.Charts;
using Reporting.Quota;

namespace Reporting.Digest;

/// <summary>
/// Writes the daily progress digest for the working group's Zalo group: totals first, then the
/// communes that need attention (worst first), then one line per commune.
/// </summary>
public static class DigestBuilder
{
    /// <summary>Zalo's limit for one text message, in characters.</summary>
    public const int MaxLength = 2000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Tried in order until the text fits. Names go first from the commune list, where every commune
    // has a line, and last from the attention list, which is what officials act on; the last resort
    // groups the attention list by problem. Whole lines get shorter: nothing is cut mid-line.
    private static readonly Layout[] Layouts =
    [
        new(AttentionLabel: ByName, ListLabel: ByName, GroupAttention: false),
        new(AttentionLabel: ByName, ListLabel: ByCode, GroupAttention: false),
        new(AttentionLabel: ByCode, ListLabel: ByCode, GroupAttention: false),
        new(AttentionLabel: ByCode, ListLabel: ByCode, GroupAttention: true),
    ];

    /// <summary>
    /// The digest text, normalised to NFC so its length is what Zalo counts. Only commune codes far
    /// longer than the survey file's (X01, TT01) could keep the last layout above <see cref="MaxLength"/>.
    /// </summary>
    public static string Build(DigestInput input)
    {
        var days = DaysOf(input);
        var rows = RowsOf(input, days);
        var text = "";
        foreach (var layout in Layouts)
        {
            text = Render(input, days, rows, layout).Normalize(NormalizationForm.FormC);
            if (text.Length <= MaxLength)
            {
                break;
            }
        }

        return text;
    }

    /// <summary>The digest's chart: one bar per commune, judged exactly as its line in the text.</summary>
    public static IReadOnlyList<ChartBar> ChartBars(DigestInput input) =>
        RowsOf(input, DaysOf(input)).Select(row => new ChartBar(row.Commune.Code, row.Quota)).ToList();

    // Rows dated after the digest's day are ignored, so a past day's digest can be rebuilt.
    private static List<CommuneDay> DaysOf(DigestInput input) => input.Days.Where(d => d.Date <= input.Date).ToList();

    private static string ByName(Commune commune) => commune.Name;

    private static string ByCode(Commune commune) => commune.Code;

    private sealed record Layout(Func<Commune, string> AttentionLabel, Func<Commune, string> ListLabel, bool GroupAttention);

    /// <summary>What can be wrong with a commune, worst first: the attention list is sorted by it.</summary>
    private enum Concern
    {
        Suspicious,
        Above,
        NotReported,
        Below,
        NoPhotos,
    }

    private sealed record Row(Commune Commune, QuotaResult Quota, int Photos, int Cumulative)
    {
        public IReadOnlyList<Concern> Concerns { get; } = ConcernsOf(Quota, Photos).ToList();
    }

    private static List<Row> RowsOf(DigestInput input, List<CommuneDay> days)
    {
        var byCommune = days.ToLookup(d => d.CommuneCode);
        return input.Communes.Select(c => RowOf(c, byCommune[c.Code].ToList(), input)).ToList();
    }

    private static Row RowOf(Commune commune, List<CommuneDay> days, DigestInput input)
    {
        var cumulative = days.Sum(d => d.Respondents);
        if (input.IsFinal)
        {
            return new Row(commune, QuotaRule.EvaluatePeriod(days, input.Quota), days.Sum(d => d.Photos), cumulative);
        }

        var today = days.SingleOrDefault(d => d.Date == input.Date);
        var quota = QuotaRule.Evaluate(today?.Visitors, today?.Respondents ?? 0, input.Quota);
        return new Row(commune, quota, today?.Photos ?? 0, cumulative);
    }

    private static IEnumerable<Concern> ConcernsOf(QuotaResult quota, int photos)
    {
        if (quota.Suspicious)
        {
            yield return Concern.Suspicious;
        }

        switch (quota.Status)
        {
            case QuotaStatus.Above:
                yield return Concern.Above;
                break;
            case QuotaStatus.NotReported:
                yield return Concern.NotReported;
                break;
            case QuotaStatus.Below:
                yield return Concern.Below;
                break;
        }

        if (photos == 0)
        {
            yield return Concern.NoPhotos;
        }
    }

    private static string Render(DigestInput input, List<CommuneDay> days, List<Row> rows, Layout layout)
    {
        string[] lines =
        [
            .. HeaderLines(input, days, rows),
            "",
            .. AttentionLines(rows, layout),
            "",
            input.IsFinal
                ? "📋 Cả đợt, từng xã (lượt đến/phiếu các ngày có báo cáo, tỉ lệ, kết quả, lũy kế, ảnh):"
                : "📋 Từng xã (lượt đến/phiếu, tỉ lệ, kết quả, lũy kế, ảnh):",
            .. rows.Select(row => Line(row, layout.ListLabel(row.Commune))),
        ];
        // \n on every platform, so the message is the same wherever it is built.
        return string.Join('\n', lines);
    }

    private static IEnumerable<string> HeaderLines(DigestInput input, List<CommuneDay> days, List<Row> rows)
    {
        yield return input.IsFinal
            ? $"🏁 BÁO CÁO CUỐI khảo sát {input.SurveyTitle} — ngày {Date(input.Date)}"
            : $"📊 Tiến độ khảo sát {input.SurveyTitle} — ngày {Date(input.Date)}";
        if (input.IsFinal && days.Count > 0)
        {
            yield return $"Cả đợt: {Date(days.Min(d => d.Date))} – {Date(days.Max(d => d.Date))}";
        }

        var cumulative = rows.Sum(r => r.Cumulative);
        yield return input.IsFinal
            ? $"📝 Tổng phiếu {cumulative}"
            : $"📝 Phiếu hôm nay {rows.Sum(r => r.Quota.Respondents)} · Lũy kế {cumulative}";

        // The ratio compares like with like: visitors and answers of the communes that gave a count.
        var reported = rows.Where(r => r.Quota.Visitors is not null).ToList();
        var visitors = reported.Sum(r => r.Quota.Visitors!.Value);
        var respondents = reported.Sum(r => r.Quota.Respondents);
        var ratio = visitors > 0 ? $" ({Percent((double)respondents / visitors)})" : "";
        yield return $"👥 {reported.Count}/{rows.Count} xã báo cáo: {visitors} lượt đến, {respondents} phiếu{ratio}";
        yield return $"✅ Đạt {rows.Count(r => r.Quota.Status == QuotaStatus.OnTarget)}/{rows.Count} xã · 📷 {rows.Sum(r => r.Photos)} ảnh";
    }

    private static IEnumerable<string> AttentionLines(List<Row> rows, Layout layout)
    {
        var flagged = rows
            .Select((row, index) => (row, index))
            .Where(x => x.row.Concerns.Count > 0)
            .OrderBy(x => x.row.Concerns.Min())
            .ThenByDescending(x => x.row.Concerns.Count)
            .ThenBy(x => x.index)
            .Select(x => x.row)
            .ToList();
        if (flagged.Count == 0)
        {
            yield return "✅ Không có xã cần chú ý.";
            yield break;
        }

        yield return $"⚠️ Cần chú ý ({flagged.Count}/{rows.Count} xã):";
        if (layout.GroupAttention)
        {
            foreach (var concern in Enum.GetValues<Concern>())
            {
                var labels = flagged.Where(r => r.Concerns.Contains(concern)).Select(r => layout.AttentionLabel(r.Commune)).ToList();
                if (labels.Count > 0)
                {
                    yield return $"• {Name(concern)}: {string.Join(", ", labels)}";
                }
            }

            yield break;
        }

        foreach (var row in flagged)
        {
            yield return $"• {layout.AttentionLabel(row.Commune)}: {string.Join(" · ", row.Concerns.Select(c => Reason(c, row.Quota)))}";
        }
    }

    private static string Line(Row row, string label)
    {
        var q = row.Quota;
        var visitors = q.Visitors?.ToString(Invariant) ?? "–";
        var ratio = q.Ratio is { } r ? $" {Percent(r)}" : "";
        return $"{label}: {visitors}/{q.Respondents}{ratio} {q.Status.Label()} · LK {row.Cumulative} · 📷{row.Photos}";
    }

    private static string Name(Concern concern) => concern switch
    {
        Concern.Suspicious => QuotaLabels.Suspicious,
        Concern.Above => QuotaStatus.Above.Label(),
        Concern.NotReported => QuotaStatus.NotReported.Label(),
        Concern.Below => QuotaStatus.Below.Label(),
        Concern.NoPhotos => "Chưa gửi ảnh",
        _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, null),
    };

    private static string Reason(Concern concern, QuotaResult quota) => concern switch
    {
        Concern.Above => $"{Name(concern)} (tối đa {quota.Band!.Highest})",
        Concern.Below => $"{Name(concern)} (cần ≥{quota.Band!.Lowest})",
        _ => Name(concern),
    };

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Invariant);

    private static string Percent(double ratio) =>
        Math.Round(ratio * 100, MidpointRounding.AwayFromZero).ToString(Invariant) + "%";
}
