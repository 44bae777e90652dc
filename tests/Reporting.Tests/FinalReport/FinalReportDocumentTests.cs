using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Reporting.Exports;
using Reporting.FinalReport;
using Reporting.Quota;
using Reporting.Tests.Exports;
using SkiaSharp;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.FinalReport;

public sealed class FinalReportDocumentTests
{
    private const string Title = "Kết quả khảo sát ý kiến người dân về Chủ tịch UBND xã, thị trấn (PKS 02)";

    // One answer is enough to rank in this small seed; the verdicts are the same as with the defaults.
    private static readonly QuotaOptions Quota = new() { MinRespondents = 1 };

    private static FinalReportInput Input(int photoCount = 12, params ReportPhoto[] photos) =>
        new(Title, "Ban Chỉ đạo Quy chế dân chủ huyện", June12, June14, new DateOnly(2024, 6, 17), photoCount, photos)
        {
            Place = "Phú Mỹ",
            Satisfaction = new Satisfaction("receive", ["1", "2"]),
        };

    private static byte[] Build(FinalReportInput? input = null, SurveyData? data = null) =>
        FinalReportDocument.Build(data ?? Data, input ?? Input(), Quota);

    private static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }

    private static List<string[]> Rows(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .ToList();
    }

    private static byte[] Png(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public void The_document_is_a_valid_word_package()
    {
        var docx = Build(Input(12, new ReportPhoto(Png(800, 600, SKColors.SteelBlue), "X01 Tân Lập, 12/06/2024")));

        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void The_heading_gives_issuer_title_period_and_date_in_Vietnamese()
    {
        var text = Paragraphs(Build());

        Assert.Contains("BÁO CÁO", text);
        Assert.Contains(Title, text);
        Assert.Contains("Thời gian khảo sát: từ ngày 12/06/2024 đến ngày 14/06/2024", text);
        Assert.Contains("Phú Mỹ, ngày 17 tháng 06 năm 2024", text);
        var head = Rows(Build())[0];
        Assert.Equal("BAN CHỈ ĐẠO QUY CHẾ DÂN CHỦ HUYỆN———", head[0]);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", head[1]);
        Assert.All(text, p => Assert.True(p.IsNormalized(NormalizationForm.FormC), p));
    }

    [Fact]
    public void The_method_states_the_QR_desks_the_volunteers_the_objectivity_rules_and_the_quota()
    {
        var text = string.Join('\n', Paragraphs(Build()));

        Assert.Contains("I. CÁCH THỨC TIẾN HÀNH", text);
        Assert.Contains("bộ phận một cửa) của 3 xã, thị trấn, từ ngày 12/06/2024 đến ngày 14/06/2024.", text);
        Assert.Contains("mã QR riêng", text);
        Assert.Contains("Hội Cựu chiến binh", text);
        Assert.Contains("không ai trả lời thay", text);
        Assert.Contains("không thấp hơn 50% và không cao hơn 150% số lượt người dân đến làm thủ tục, tối thiểu 1 phiếu; " +
                        "xã, thị trấn có trên 40 lượt người đến cần tối thiểu 20 phiếu.", text);
    }

    [Fact]
    public void Each_commune_has_its_period_figures_as_the_summary_sheet_has_them()
    {
        var rows = Rows(Build());

        Assert.Contains(["1", "Xã Tân Lập", "75", "50", "66,7%", "Đạt", "75", "4"], rows);
        Assert.Contains(["2", "Xã Đông Hòa", "40", "27", "67,5%", "Đạt", "27", "4"], rows);
        Assert.Contains(["", "Toàn huyện", "175", "118", "67,4%", "Đạt 3/3", "143", "12"], rows);
        var sheet = Texts(SummarySheet.Build(Data, SurveyDays, Quota));
        Assert.Equal(["X01", "Xã Tân Lập", "75", "50", "66.7", "Đạt", "75", "4"], sheet[1][..8]);
    }

    [Fact]
    public void The_day_by_day_table_shows_visitors_and_answers_and_what_was_not_reported()
    {
        var rows = Rows(Build());

        Assert.Contains(["Xã, thị trấn", "12/06", "13/06", "14/06"], rows);
        Assert.Contains(["Xã Tân Lập", "40 / 30", "– / 25", "35 / 20"], rows);
        Assert.Contains(["Xã Đông Hòa", "18 / 12", "22 / 15", ""], rows);
    }

    [Fact]
    public void Each_key_question_gives_every_communes_shares_and_the_district_ranks_satisfaction()
    {
        var rows = Rows(Build());

        // "receive": r1 very satisfied, r3 satisfied in Tân Lập; nobody in Đông Hòa was asked
        Assert.Contains(["Xã, thị trấn", "Số người trả lời", "Rất hài lòng", "Hài lòng", "Bình thường"], rows);
        Assert.Contains(["Xã Tân Lập", "2", "50,0%", "50,0%", "0,0%"], rows);
        Assert.Contains(["Xã Đông Hòa", "0", "–", "–", "–"], rows);
        // "knows": yes, no, yes in Tân Lập
        Assert.Contains(["Xã Tân Lập", "3", "66,7%", "33,3%"], rows);
        Assert.Contains(["1", "Xã Tân Lập", "2", "100,0%"], rows);
        Assert.Contains(["–", "Xã Đông Hòa", "0", "–"], rows);
    }

    [Fact]
    public void Comments_are_quoted_anonymously_within_the_period()
    {
        var text = Paragraphs(Build());

        Assert.Contains("Xã Tân Lập (1 ý kiến):", text);
        Assert.Contains("–\t«Cán bộ nhiệt tình, hướng dẫn \"rất\" chu đáo.»", text);
        Assert.Contains("–\t«Cần thêm ghế ngồi chờ,nhất là cho người cao tuổi»", text); // the line break is a <w:br/>
        Assert.DoesNotContain(text, p => p.Contains("Ngoài đợt khảo sát", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_comment_is_quoted_once_with_its_count_and_empty_ones_are_left_out()
    {
        string[] comments = ["Cần thêm ghế chờ", "cần thêm ghế chờ.", "Cần thêm ghế chờ", "Không", "không có ý kiến", "Thủ tục nhanh gọn, cán bộ vui vẻ"];
        var responses = comments.Select((c, i) => Response($"c{i}", "X02", "2024-06-13T03:00:00Z", 120, new() { ["comment"] = [c] })).ToList();

        var text = Paragraphs(Build(data: Data with { Responses = responses }));

        Assert.Contains("Xã Đông Hòa (4 ý kiến):", text);
        Assert.Contains("–\t«Cần thêm ghế chờ» (3 người)", text);
        Assert.Contains("–\t«Thủ tục nhanh gọn, cán bộ vui vẻ»", text);
        Assert.DoesNotContain(text, p => p.Contains("«Không»", StringComparison.Ordinal));
    }

    [Fact]
    public void The_quoted_comments_do_not_depend_on_the_order_the_responses_are_read_in()
    {
        // Two said the same; of two equally long comments the earlier is quoted first; the earliest spelling is the one quoted.
        (string Text, string At)[] comments =
        [
            ("ghế chờ hơi ít.", "2024-06-12T02:00:00Z"), ("Ghế chờ hơi ít", "2024-06-13T02:00:00Z"), ("Ghế chờ hơi ít", "2024-06-13T02:00:00Z"),
            ("Nhân viên tận tình lắm", "2024-06-13T05:00:00Z"), ("Cán bộ tận tâm, vui vẻ", "2024-06-12T05:00:00Z"), ("Không", "2024-06-12T01:00:00Z"),
        ];
        var responses = comments.Select((c, i) => Response($"c{i}", "X02", c.At, 120, new() { ["comment"] = [c.Text] })).ToList();
        var input = Input() with { CommentsPerCommune = 2 };

        var inOrder = Paragraphs(Build(input, Data with { Responses = responses }));
        var reversed = Paragraphs(Build(input, Data with { Responses = Enumerable.Reverse(responses).ToList() }));

        Assert.Equal(inOrder, reversed);
        var quoted = inOrder.SkipWhile(p => p != "Xã Đông Hòa (5 ý kiến, trích 2 ý kiến):").Skip(1).Take(2);
        Assert.Equal(["–\t«ghế chờ hơi ít.» (3 người)", "–\t«Cán bộ tận tâm, vui vẻ»"], quoted);
    }

    [Fact]
    public void The_report_reads_the_responses_once_for_its_figures_and_its_quotes()
    {
        var responses = new ReadOnce<ResponseRecord>(Responses);

        var docx = Build(data: Data with { Responses = responses });

        Assert.Equal(Responses.Count, responses.Read);
        Assert.Equal(Paragraphs(Build()), Paragraphs(docx));
        Assert.Equal(Rows(Build()), Rows(docx));
    }

    [Fact]
    public void The_objectivity_section_lists_the_flags_found_and_what_they_mean()
    {
        CommuneDay[] days = [.. Days, new("X02", June14, 10, 14, 1, [])];

        var docx = Build(data: Data with { Days = days });

        var text = string.Join('\n', Paragraphs(docx));
        Assert.Contains("IV. BẢO ĐẢM TÍNH KHÁCH QUAN", text);
        Assert.Contains("Trả lời quá nhanh: phiếu hoàn thành trong thời gian rất ngắn; ", text);
        var rows = Rows(docx);
        Assert.Contains(["Xã, thị trấn", "Phiếu nhiều hơn lượt đến (ngày: phiếu > lượt)", "Trả lời quá nhanh"], rows);
        Assert.Contains(["Xã Tân Lập", "", "1"], rows);
        Assert.Contains(["Xã Đông Hòa", "14/06: 14 > 10", "0"], rows);
    }

    [Fact]
    public void Sample_photos_are_embedded_and_what_is_not_a_picture_is_skipped()
    {
        var docx = Build(Input(
            12,
            new ReportPhoto(Png(2400, 1800, SKColors.SteelBlue), "X01 Tân Lập, 12/06/2024"),
            new ReportPhoto([1, 2, 3, 4], "hỏng"),
            new ReportPhoto(Png(600, 900, SKColors.Orange))));

        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var images = doc.MainDocumentPart!.ImageParts.Where(i => i.ContentType == "image/jpeg").ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Equal("image/jpeg", i.ContentType));
        using (var first = images[0].GetStream())
        using (var bitmap = SKBitmap.Decode(first))
        {
            Assert.Equal(1600, bitmap.Width); // scaled down for print
        }

        var text = Paragraphs(docx);
        Assert.Contains("Các tổ công tác đã gửi 12 ảnh tuyên truyền và hỗ trợ người dân tại bộ phận một cửa; dưới đây là 2 ảnh.", text);
        Assert.Contains("Ảnh 1: X01 Tân Lập, 12/06/2024", text);
        Assert.Contains("Ảnh 2", text);
    }

    [Fact]
    public void The_quota_chart_of_the_whole_period_is_printed_after_the_commune_table()
    {
        var docx = Build(Input(0));

        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var chart = Assert.Single(doc.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", chart.ContentType);
        using var stream = chart.GetStream();
        using var bitmap = SKBitmap.Decode(stream);
        Assert.Equal(1080, bitmap.Width);
        Assert.Contains(Paragraphs(docx), p => p.StartsWith("Biểu đồ: cột là số phiếu của từng xã", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_photos_the_report_says_so()
    {
        Assert.Contains("Các tổ công tác chưa gửi ảnh nào.", Paragraphs(Build(Input(0))));
    }
}
