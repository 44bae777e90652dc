using System.Globalization;
using System.Text;
using Reporting.Charts;
using Reporting.Quota;

namespace Reporting.Digest;

/// <summary>
/// Writes the daily progress digest for the working group's Zalo group: totals first, then the
/// communes that need action (the most basic problem first), the crowded desks that need more
/// helpers, then one line per commune. Every commune is named with its code ("X04 Đông Hưng").
/// </summary>
public static class DigestBuilder
{
    /// <summary>Zalo's limit for one text message, in characters.</summary>
    public const int MaxLength = 2000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The digest as Zalo messages of at most <see cref="MaxLength"/> characters each, in NFC so their
    /// length is what Zalo counts. A digest too long for one message is split between lines, never
    /// inside one, each section whole where it fits; every part after the first starts with the
    /// survey, the day and its number ("phần 2/3") so it reads on its own in a busy group.
    /// </summary>
    public static IReadOnlyList<string> BuildMessages(DigestInput input)
    {
        var days = DaysOf(input);
        var rows = RowsOf(input, days);
        var sections = Sections(input, days, rows).ToList();
        var budget = MaxLength - PartLine(input, 99, 99).Length - 1;
        var parts = MessageSplitter.Split(sections, budget);
        if (parts.Count == 1)
        {
            return [string.Join('\n', parts[0])];
        }

        return parts
            .Select((lines, i) => i == 0
                ? string.Join('\n', [lines[0] + PartSuffix(1, parts.Count), .. lines.Skip(1)])
                : string.Join('\n', [PartLine(input, i + 1, parts.Count), .. lines]))
            .ToList();
    }

    /// <summary>The whole digest as one text: its messages, a blank line between them.</summary>
    public static string Build(DigestInput input) => string.Join("\n\n", BuildMessages(input));

    /// <summary>The digest's chart: one bar per commune, named and judged exactly as its line in the text.</summary>
    public static IReadOnlyList<ChartBar> ChartBars(DigestInput input) =>
        RowsOf(input, DaysOf(input)).Select(row => new ChartBar(row.Commune.Label(), row.Quota)).ToList();

    // Rows dated after the digest's day are ignored, so a past day's digest can be rebuilt.
    private static List<CommuneDay> DaysOf(DigestInput input) => input.Days.Where(d => d.Date <= input.Date).ToList();

    /// <summary>
    /// What a commune needs done, in the order it has to be done: nobody there to report, no count,
    /// no photos, too few answers, then the figures to check. The attention list is sorted by it.
    /// </summary>
    private enum Concern
    {
        NoVolunteer,
        NotReported,
        NoPhotos,
        Below,
        Suspicious,
        Above,
    }

    private sealed record Row(Commune Commune, QuotaResult Quota, int Photos, int Cumulative, IReadOnlyList<Concern> Concerns);

    private static List<Row> RowsOf(DigestInput input, List<CommuneDay> days)
    {
        var byCommune = days.ToLookup(d => d.CommuneCode);
        return input.Communes.Select(c => RowOf(c, byCommune[c.Code].ToList(), input)).ToList();
    }

    private static Row RowOf(Commune commune, List<CommuneDay> days, DigestInput input)
    {
        var cumulative = days.Sum(d => d.Respondents);
        QuotaResult quota;
        int photos;
        if (input.IsFinal)
        {
            quota = QuotaRule.EvaluatePeriod(days, input.Quota);
            photos = days.Sum(d => d.Photos);
        }
        else
        {
            var today = days.SingleOrDefault(d => d.Date == input.Date);
            quota = QuotaRule.Evaluate(today?.Visitors, today?.Respondents ?? 0, input.Quota);
            photos = today?.Photos ?? 0;
        }

        // Registration matters while there is still a day to staff; the final report judges results.
        var unstaffed = !input.IsFinal && input.RegisteredVolunteers is { } registered && registered.GetValueOrDefault(commune.Code) <= 0;
        return new Row(commune, quota, photos, cumulative, ConcernsOf(quota, photos, unstaffed).ToList());
    }

    private static IEnumerable<Concern> ConcernsOf(QuotaResult quota, int photos, bool unstaffed)
    {
        if (unstaffed)
        {
            yield return Concern.NoVolunteer;
        }

        if (quota.Status == QuotaStatus.NotReported)
        {
            yield return Concern.NotReported;
        }

        if (photos == 0)
        {
            yield return Concern.NoPhotos;
        }

        // A day with too few visitors for any band is not the commune's failing: it is only told in
        // its line, unless the answers outnumber the visitors.
        if (quota.Status == QuotaStatus.Below && quota.HasBand)
        {
            yield return Concern.Below;
        }

        if (quota.Suspicious)
        {
            yield return Concern.Suspicious;
        }

        if (quota.Status == QuotaStatus.Above && quota.HasBand)
        {
            yield return Concern.Above;
        }
    }

    private static IEnumerable<Section> Sections(DigestInput input, List<CommuneDay> days, List<Row> rows)
    {
        yield return Section.Of(HeaderLines(input, days, rows).ToList());
        yield return AttentionSection(input, rows);
        if (!input.IsFinal && rows.Where(r => r.Quota.Crowded).ToList() is { Count: > 0 } crowded)
        {
            yield return new Section(
                "🙋 Đông người — cần tăng cường người hỗ trợ:",
                "🙋 Đông người (tiếp):",
                crowded.Select(r => $"• {r.Commune.Label()}: {Count(r.Quota.Visitors!.Value)} lượt đến").ToList());
        }

        yield return new Section(
            input.IsFinal
                ? "📋 Cả đợt, từng xã (lượt đến/phiếu các ngày có báo cáo, tỉ lệ, kết quả, lũy kế, ảnh):"
                : "📋 Từng xã (lượt đến/phiếu, tỉ lệ, kết quả, lũy kế, ảnh):",
            "📋 Từng xã (tiếp):",
            rows.Select(row => Line(row, input.Quota)).ToList());
    }

    private static IEnumerable<string> HeaderLines(DigestInput input, List<CommuneDay> days, List<Row> rows)
    {
        yield return Title(input);
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
        var visitors = Counts.Sum(reported, r => r.Quota.Visitors!.Value);
        var respondents = reported.Sum(r => r.Quota.Respondents);
        var ratio = visitors > 0 ? $" ({Percent((double)respondents / visitors)})" : "";
        yield return $"👥 {reported.Count}/{rows.Count} xã báo cáo: {visitors} lượt đến, {respondents} phiếu{ratio}";
        yield return $"✅ Đạt {rows.Count(r => r.Quota.Status == QuotaStatus.OnTarget)}/{rows.Count} xã · 📷 {rows.Sum(r => r.Photos)} ảnh";
        if (!input.IsFinal && input.RegisteredVolunteers is not null)
        {
            yield return $"🙋 Có người đăng ký hỗ trợ: {rows.Count(r => !r.Concerns.Contains(Concern.NoVolunteer))}/{rows.Count} xã";
        }
    }

    private static Section AttentionSection(DigestInput input, List<Row> rows)
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
            return Section.Of(["✅ Không có xã cần chú ý."]);
        }

        return new Section(
            $"⚠️ Cần chú ý ({flagged.Count}/{rows.Count} xã):",
            "⚠️ Cần chú ý (tiếp):",
            flagged.Select(row => $"• {row.Commune.Label()}: {string.Join(" · ", row.Concerns.Select(c => Reason(c, row.Quota, input.Quota)))}").ToList());
    }

    private static string Line(Row row, QuotaOptions options)
    {
        var q = row.Quota;
        var visitors = q.Visitors is { } v ? Count(v) : "–";
        var ratio = q.Ratio is { } r ? $" {Percent(r)}" : "";
        return $"{row.Commune.Label()}: {visitors}/{q.Respondents}{ratio} {q.Verdict(options)} · LK {row.Cumulative} · 📷{row.Photos}";
    }

    private static string Reason(Concern concern, QuotaResult quota, QuotaOptions options) => concern switch
    {
        Concern.NoVolunteer => "Chưa có người đăng ký",
        Concern.NotReported => QuotaStatus.NotReported.Label(),
        Concern.NoPhotos => "Chưa gửi ảnh",
        Concern.Below or Concern.Above => quota.Verdict(options),
        Concern.Suspicious => quota.SuspiciousWithFigures(),
        _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, null),
    };

    private static string Title(DigestInput input) => input.IsFinal
        ? $"🏁 BÁO CÁO CUỐI khảo sát {input.SurveyTitle} — ngày {Date(input.Date)}"
        : $"📊 Tiến độ khảo sát {input.SurveyTitle} — ngày {Date(input.Date)}";

    private static string PartLine(DigestInput input, int part, int of) =>
        (Title(input) + PartSuffix(part, of)).Normalize(NormalizationForm.FormC);

    private static string PartSuffix(int part, int of) => $" (phần {part}/{of})";

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Invariant);

    private static string Count(int value) => value.ToString(Invariant);

    private static string Percent(double ratio) =>
        Math.Round(ratio * 100, MidpointRounding.AwayFromZero).ToString(Invariant) + "%";
}
