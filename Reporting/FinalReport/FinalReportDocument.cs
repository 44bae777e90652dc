using System.Globalization;
using Reporting.Charts;
using Reporting.Exports;
using Reporting.Quota;
using SkiaSharp;
using static Reporting.FinalReport.WordDocument;

namespace Reporting.FinalReport;

/// <summary>
/// The district board's final report as a Word document, in Vietnamese, to be read, edited and
/// signed: the method, each commune's figures against the quota, the citizens' views of the
/// chairman commune by commune with a district ranking, their comments, the objectivity checks and
/// a few photos. Every figure comes from the same code as the digest and the XLSX
/// (<see cref="DistrictSummary"/>, <see cref="AnswerTallies"/>, <see cref="FreeTextAnswers"/>). The
/// responses are read once, one at a time: the answers counted and the comments to quote picked as they come.
/// </summary>
public static class FinalReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Beyond a working week of columns the per-day table no longer fits a portrait page.
    private const int MaxDayColumns = 7;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, (string Name, string Meaning)> KnownFlags = new()
    {
        ["too_fast"] = ("Trả lời quá nhanh",
            "phiếu hoàn thành trong thời gian rất ngắn; người trả lời có thể chưa đọc kỹ câu hỏi, hoặc có người trả lời thay."),
        ["outside_desk_hours"] = ("Gửi ngoài giờ làm việc",
            "phiếu gửi ngoài giờ làm việc của bộ phận một cửa; người trả lời có thể không đến làm thủ tục tại bộ phận một cửa."),
    };

    /// <summary>The .docx bytes of the report over <see cref="FinalReportInput.From"/>–<see cref="FinalReportInput.To"/>, all communes.</summary>
    public static byte[] Build(SurveyData data, FinalReportInput input, QuotaOptions quota)
    {
        var filter = input.Filter;
        // One read of the responses: the answers counted and the comments to quote picked as they come.
        var counter = new ResponseCounter();
        var quotes = MainComments.PerCommune(
            data.Questions,
            data.Responses.Where(filter.Includes).Select(response =>
            {
                counter.Add(response);
                return response;
            }),
            filter,
            input.CommentsPerCommune);
        data = data with { Counts = new(counter.Counts) };
        var communes = DistrictSummary.Build(data, filter, quota, input.Satisfaction);
        var tallies = data.CountsFor(filter).Tallies;
        using var doc = new WordDocument(input.Title, input.IssuingBody);
        Heading(doc, input);
        Method(doc, input, communes.Count, quota);
        QuotaResults(doc, data, filter, communes, quota);
        Views(doc, data, input, communes, tallies, quotes, quota);
        Objectivity(doc, communes);
        Photos(doc, input);
        return doc.Save();
    }

    private static void Heading(WordDocument doc, FinalReportInput input)
    {
        doc.LetterHead(
            [input.IssuingBody.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "———"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "———————"]);
        var issued = input.IssuedOn;
        doc.Text($"{input.Place ?? "……"}, ngày {issued.Day:00} tháng {issued.Month:00} năm {issued.Year}", Align.Right, italic: true);
        doc.Text("BÁO CÁO", Align.Center, bold: true, sizePt: 14, keepWithNext: true);
        doc.Text(input.Title, Align.Center, bold: true, keepWithNext: true);
        doc.Text($"Thời gian khảo sát: {Period(input.From, input.To)}", Align.Center, italic: true);
    }

    private static void Method(WordDocument doc, FinalReportInput input, int communes, QuotaOptions quota)
    {
        doc.Heading("I. CÁCH THỨC TIẾN HÀNH", 1);
        doc.Text($"Khảo sát được tiến hành tại bộ phận tiếp nhận và trả kết quả (bộ phận một cửa) của {communes} xã, thị trấn, {Period(input.From, input.To)}.");
        doc.Bullet("Mỗi xã, thị trấn có một mã QR riêng đặt tại bộ phận một cửa. Người dân đến làm thủ tục hành chính dùng Zalo quét mã và tự trả lời phiếu khảo sát trên điện thoại; mỗi người chỉ trả lời một lần.");
        doc.Bullet("Hội viên Hội Cựu chiến binh được phân công có mặt tại bộ phận một cửa chỉ hướng dẫn kỹ thuật (cách quét mã, cách gửi câu trả lời). Câu trả lời là ý kiến của chính người dân: không ai trả lời thay hay gợi ý nội dung.");
        doc.Bullet("Phiếu không ghi họ tên, số điện thoại của người trả lời; ý kiến được tổng hợp ẩn danh.");
        doc.Bullet("Hằng ngày, tổ công tác cấp xã báo cáo số lượt người dân đến làm thủ tục và gửi ảnh hoạt động vào nhóm Zalo của tổ công tác; số phiếu của từng xã được đếm tự động.");
        doc.Bullet(
            $"Chỉ tiêu: số phiếu của mỗi xã, thị trấn trong các ngày khảo sát không thấp hơn {Ratio(quota.LowerRatio)} và không cao hơn {Ratio(quota.UpperRatio)} " +
            $"số lượt người dân đến làm thủ tục, tối thiểu {quota.MinRespondents} phiếu; xã, thị trấn có trên {quota.CrowdedVisitorThreshold} lượt người đến cần tối thiểu {quota.CrowdedMinRespondents} phiếu.");
        doc.Bullet("Các dấu hiệu cần kiểm tra (mục IV) được ghi nhận để xem xét; phiếu có dấu hiệu vẫn được tính.");
    }

    private static void QuotaResults(WordDocument doc, SurveyData data, ExportFilter filter, IReadOnlyList<CommuneSummary> communes, QuotaOptions quota)
    {
        var totals = DistrictSummary.Totals(communes);
        doc.Heading("II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU", 1);
        doc.Text(
            $"Toàn huyện có {totals.Respondents} phiếu khảo sát. Trong các ngày đã báo cáo số lượt, có {totals.ReportedVisitors} lượt người dân đến làm thủ tục " +
            $"và {totals.ReportedRespondents} phiếu (tỷ lệ {Percent(totals.RatioPercent)}). Có {totals.OnTarget}/{totals.Communes} xã, thị trấn đạt chỉ tiêu.");
        doc.Heading("1. Số phiếu của từng xã, thị trấn cả đợt", 2);
        doc.Table(
            ["STT", "Xã, thị trấn", "Lượt người đến", "Số phiếu", "Tỷ lệ", "Kết quả", "Tổng số phiếu", "Số ảnh"],
            [
                .. communes.Select((c, i) => new[]
                {
                    Count(i + 1),
                    c.Commune.Name,
                    c.Quota.Visitors is { } v ? Count(v) : "–",
                    c.Quota.Visitors is null ? "–" : Count(c.Quota.Respondents),
                    c.Quota.Visitors is > 0 and int visitors ? Percent(AnswerTallies.Percent(c.Quota.Respondents, visitors)) : "–",
                    c.Quota.Verdict(quota),
                    Count(c.Respondents),
                    Count(c.Photos),
                }),
                ["", filter.ScopeName, Count(totals.ReportedVisitors), Count(totals.ReportedRespondents), Percent(totals.RatioPercent),
                    $"Đạt {totals.OnTarget}/{totals.Communes}", Count(totals.Respondents), Count(totals.Photos)],
            ],
            widths: [5, 22, 10, 9, 9, 25, 10, 8],
            textColumns: 2,
            boldLastRow: true);
        doc.Text("Lượt người đến, số phiếu và tỷ lệ tính trên các ngày xã đã báo cáo số lượt; tổng số phiếu gồm cả những ngày chưa báo cáo.", italic: true, sizePt: 11);
        Chart(doc, communes);

        var days = data.Days.Where(filter.Includes).ToList();
        var dates = days.Select(d => d.Date).Distinct().Order().ToList();
        doc.Heading("2. Chi tiết theo ngày", 2);
        if (dates.Count > MaxDayColumns)
        {
            doc.Text($"Khảo sát kéo dài {dates.Count} ngày: số liệu từng ngày xem ở trang «{QcdcDailySheet.SheetName}» của tệp Excel.");
            return;
        }

        var byCommuneDay = days.ToDictionary(d => (d.CommuneCode, d.Date));
        doc.Table(
            ["Xã, thị trấn", .. dates.Select(d => d.ToString("dd/MM", Invariant))],
            communes.Select(c => (IReadOnlyList<string>)
            [
                c.Commune.Name,
                .. dates.Select(date => byCommuneDay.TryGetValue((c.Commune.Code, date), out var day)
                    ? $"{(day.Visitors is { } v ? Count(v) : "–")} / {Count(day.Respondents)}"
                    : ""),
            ]),
            widths: [30, .. dates.Select(_ => 70 / Math.Max(dates.Count, 1))]);
        doc.Text("Mỗi ô: số lượt người dân đến / số phiếu trong ngày; «–» là chưa báo cáo số lượt.", italic: true, sizePt: 11);
    }

    /// <summary>The digest's chart over the whole period, so the printed report shows what the group saw.</summary>
    private static void Chart(WordDocument doc, IReadOnlyList<CommuneSummary> communes)
    {
        if (communes.Count == 0)
        {
            return;
        }

        var png = DigestChart.RenderPng([.. communes.Select(c => new ChartBar(c.Commune.Label(), c.Quota))], "Số phiếu cả đợt của từng xã, thị trấn");
        using var bitmap = SKBitmap.Decode(png);
        doc.Picture(png, bitmap.Width, bitmap.Height, "Biểu đồ số phiếu", maxWidthCm: 15, maxHeightCm: 20, png: true);
        doc.Text("Biểu đồ: cột là số phiếu của từng xã (các ngày đã báo cáo số lượt), khung là khoảng đạt chỉ tiêu; xã còn thiếu ở trên cùng.", Align.Center, italic: true, sizePt: 11);
    }

    private static void Views(
        WordDocument doc, SurveyData data, FinalReportInput input, IReadOnlyList<CommuneSummary> communes, IReadOnlyList<TallyCount> tallies,
        Dictionary<string, (IReadOnlyList<QuotedComment> Quoted, int Total)> quotes, QuotaOptions quota)
    {
        doc.Heading("III. Ý KIẾN CỦA NGƯỜI DÂN", 1);
        var satisfaction = data.Questions.FirstOrDefault(q => q.Id == input.Satisfaction.QuestionId);
        doc.Heading("1. Mức độ hài lòng với Chủ tịch UBND và xếp hạng", 2);
        if (satisfaction is null)
        {
            doc.Text($"Phiếu khảo sát không có câu hỏi «{input.Satisfaction.QuestionId}» nên chưa xếp hạng được.");
        }
        else
        {
            var totals = DistrictSummary.Totals(communes);
            var satisfied = satisfaction.Options.Where(o => input.Satisfaction.SatisfiedOptionIds.Contains(o.Id)).Select(o => $"«{o.Text}»");
            doc.Text(
                $"Tỷ lệ người trả lời {string.Join(" hoặc ", satisfied)} ở câu hỏi «{satisfaction.Text}»: toàn huyện {Percent(totals.SatisfiedPercent)} " +
                $"({totals.Satisfied}/{totals.SatisfactionAnswered} người). Xã, thị trấn có dưới {quota.MinRespondents} người trả lời câu hỏi này chưa được xếp hạng.");
            var ranking = communes.OrderBy(c => c.Rank ?? int.MaxValue).ThenByDescending(c => c.SatisfactionAnswered).ToList();
            doc.Table(
                ["Hạng", "Xã, thị trấn", "Số người trả lời", "Hài lòng, rất hài lòng"],
                ranking.Select(c => (IReadOnlyList<string>)
                [
                    c.Rank is { } rank ? Count(rank) : "–",
                    c.Commune.Name,
                    Count(c.SatisfactionAnswered),
                    Percent(c.SatisfiedPercent),
                ]),
                widths: [10, 45, 20, 25],
                textColumns: 0);
        }

        var key = input.KeyQuestionIds
            .Select(id => data.Questions.FirstOrDefault(q => q.Id == id && q.Type is "single" or "multi"))
            .OfType<QuestionInfo>()
            .ToList();
        doc.Heading("2. Kết quả từng câu hỏi theo xã, thị trấn", 2);
        doc.Text("Tỷ lệ (%) tính trên số người trả lời câu hỏi đó ở từng xã; câu hỏi về Chủ tịch UBND chỉ hỏi người biết Chủ tịch.", italic: true, sizePt: 11);
        var byCommune = tallies.ToLookup(t => t.CommuneCode);
        for (var i = 0; i < key.Count; i++)
        {
            var question = key[i];
            doc.Text($"2.{i + 1}. {question.Text}", Align.Left, bold: true, keepWithNext: true);
            var rows = communes
                .Select(c => ShareRow(c.Commune.Name, AnswerTallies.Tally([question], byCommune[c.Commune.Code])))
                .Append(ShareRow(input.Filter.ScopeName, AnswerTallies.Tally([question], tallies)))
                .ToList();
            var optionWidth = Math.Max(6, 66 / Math.Max(question.Options.Count, 1));
            doc.Table(
                ["Xã, thị trấn", "Số người trả lời", .. question.Options.Select(o => o.Text)],
                rows,
                widths: [24, 10, .. question.Options.Select(_ => optionWidth)],
                boldLastRow: true);
        }

        Comments(doc, quotes, communes);
    }

    private static IReadOnlyList<string> ShareRow(string name, IReadOnlyList<OptionTally> tallies) =>
    [
        name,
        Count(tallies.Count > 0 ? tallies[0].Answered : 0),
        .. tallies.Select(t => Percent(t.Percent)),
    ];

    private static void Comments(WordDocument doc, Dictionary<string, (IReadOnlyList<QuotedComment> Quoted, int Total)> quotes, IReadOnlyList<CommuneSummary> communes)
    {
        doc.Heading("3. Ý kiến, kiến nghị của người dân", 2);
        var any = false;
        foreach (var commune in communes)
        {
            if (!quotes.TryGetValue(commune.Commune.Code, out var found) || found.Total == 0)
            {
                continue;
            }

            var (quoted, total) = found;
            any = true;
            var shown = quoted.Sum(q => q.Times) < total ? $", trích {quoted.Count} ý kiến" : "";
            doc.Text($"{commune.Commune.Name} ({total} ý kiến{shown}):", Align.Left, bold: true, keepWithNext: true);
            foreach (var comment in quoted)
            {
                doc.Bullet($"«{comment.Text}»" + (comment.Times > 1 ? $" ({comment.Times} người)" : ""));
            }
        }

        doc.Text(
            any
                ? $"Toàn bộ ý kiến (ẩn danh) ở trang «{FreeTextAnswers.SheetName}» của tệp Excel."
                : "Người dân chưa để lại ý kiến, kiến nghị nào.",
            italic: true,
            sizePt: 11);
    }

    private static void Objectivity(WordDocument doc, IReadOnlyList<CommuneSummary> communes)
    {
        doc.Heading("IV. BẢO ĐẢM TÍNH KHÁCH QUAN", 1);
        doc.Text("Các dấu hiệu dưới đây được ghi nhận tự động để kiểm tra lại; đó là dấu hiệu, không phải kết luận sai phạm.");
        var flags = communes.SelectMany(c => c.FlaggedResponses.Keys).Distinct()
            .OrderBy(f => KnownFlags.ContainsKey(f) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).ToList();
        doc.Bullet($"{QuotaLabels.Suspicious}: số phiếu trong ngày nhiều hơn số lượt người dân đến làm thủ tục; cần đối chiếu số lượt đã báo cáo, hoặc việc một người trả lời nhiều lần.");
        foreach (var (name, meaning) in KnownFlags.Values)
        {
            doc.Bullet($"{name}: {meaning}");
        }

        var flagged = communes.Where(c => c.MoreAnswersThanVisitors.Count > 0 || c.FlaggedResponses.Count > 0).ToList();
        if (flagged.Count == 0)
        {
            doc.Text("Không phát hiện dấu hiệu nào trong đợt khảo sát.");
            return;
        }

        doc.Table(
            ["Xã, thị trấn", QuotaLabels.Suspicious + " (ngày: phiếu > lượt)", .. flags.Select(FlagName)],
            flagged.Select(c => (IReadOnlyList<string>)
            [
                c.Commune.Name,
                string.Join("; ", c.MoreAnswersThanVisitors.Select(d => $"{d.Date.ToString("dd/MM", Invariant)}: {d.Respondents} > {d.Visitors}")),
                .. flags.Select(f => Count(c.FlaggedResponses.GetValueOrDefault(f))),
            ]),
            widths: [28, 36, .. flags.Select(_ => 36 / Math.Max(flags.Count, 1))],
            textColumns: 2);
    }

    private static void Photos(WordDocument doc, FinalReportInput input)
    {
        doc.Heading("V. HÌNH ẢNH HOẠT ĐỘNG", 1);
        if (input.PhotoCount == 0)
        {
            doc.Text("Các tổ công tác chưa gửi ảnh nào.");
            return;
        }

        var pictures = input.SamplePhotos.Take(input.PhotosPrinted).Select(ReportPictures.Prepare).OfType<ReportPicture>().ToList();
        doc.Text(
            $"Các tổ công tác đã gửi {input.PhotoCount} ảnh tuyên truyền và hỗ trợ người dân tại bộ phận một cửa" +
            (pictures.Count > 0 ? $"; dưới đây là {pictures.Count} ảnh." : "."));
        for (var i = 0; i < pictures.Count; i++)
        {
            var picture = pictures[i];
            doc.Picture(picture.Jpeg, picture.Width, picture.Height, $"Ảnh {i + 1}", maxWidthCm: 14, maxHeightCm: 9.5);
            doc.Text($"Ảnh {i + 1}" + (string.IsNullOrWhiteSpace(picture.Caption) ? "" : $": {picture.Caption}"), Align.Center, italic: true, sizePt: 11);
        }
    }

    private static string FlagName(string flag) => KnownFlags.TryGetValue(flag, out var known) ? known.Name : flag;

    private static string Period(DateOnly from, DateOnly to) =>
        from == to ? $"ngày {Date(from)}" : $"từ ngày {Date(from)} đến ngày {Date(to)}";

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Invariant);

    private static string Count(int value) => value.ToString(Invariant);

    /// <summary>Vietnamese writes a decimal comma: 66,7%.</summary>
    private static string Percent(decimal? percent) =>
        percent is { } p ? p.ToString("0.0", Invariant).Replace('.', ',') + "%" : "–";

    private static string Ratio(decimal ratio) => (ratio * 100).ToString("0.##", Invariant).Replace('.', ',') + "%";
}
