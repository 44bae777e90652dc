using System.Net;
using Reporting.Charts;
using Reporting.Quota;
using Reporting.Tests.Posters;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

public sealed class PageTests(SeededDashboard dashboard) : SeededDashboardTests(dashboard)
{
    [Fact]
    public async Task The_overview_shows_each_commune_today_and_so_far_with_the_quota_verdicts()
    {
        var rows = Rows(await PageAsync("/dashboard"));

        Assert.Contains(["Xã Tân Lập Đạt", "–", "2", "Chưa báo cáo số lượt", "1", "30", "28", "Đạt"], rows);
        Assert.Contains(["Xã Tân An Thiếu phiếu", "–", "0", "Chưa báo cáo số lượt", "0", "15", "8", "Thiếu phiếu"], rows);
        Assert.Equal(["Toàn huyện", "0", "2", "", "1", "45", "36", ""], rows[^1]);
    }

    [Theory]
    [InlineData(QuotaStatus.OnTarget)]
    [InlineData(QuotaStatus.Below)]
    [InlineData(QuotaStatus.Above)]
    [InlineData(QuotaStatus.NotReported)]
    public void Every_verdict_badge_reaches_a_contrast_of_4_5_to_1(QuotaStatus status)
    {
        var ratio = Contrast(StatusPalette.Hex(status), ZaloBot.Dashboard.Layout.TextOn(status));

        Assert.True(ratio >= 4.5, $"{status}: {ratio:0.00}:1");
    }

    /// <summary>WCAG 2 contrast ratio of two #rgb or #rrggbb colours.</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            hex = hex.TrimStart('#');
            if (hex.Length == 3)
                hex = string.Concat(hex.Select(c => $"{c}{c}"));
            double Channel(int at)
            {
                var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
                return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
        }
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [Fact]
    public async Task A_commune_page_shows_its_days_answers_photos_and_who_is_on_duty()
    {
        var html = await PageAsync("/dashboard/communes/X07");

        var rows = Rows(html);
        Assert.Contains(["12/06/2024", "20", "12", "Đạt", "0", "Nguyễn Văn An, chi hội trưởng"], rows);
        Assert.Contains(["13/06/2024", "10", "14", "ĐạtR>V", "0", ""], rows);
        Assert.Contains("<li>Nguyễn Văn An, chi hội trưởng</li>", html);
        Assert.Contains("<span>Nam</span>", html);
        Assert.Contains("28 (100.0%)", html);
        var photo = System.Text.RegularExpressions.Regex.Match(html, "<img src=\"(/dashboard/photos/[0-9a-f]+)\"").Groups[1].Value;
        using var served = await Client.Http.GetAsync(photo);
        Assert.Equal(Photo, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(served.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task The_quality_page_flags_more_answers_than_visitors_answers_too_fast_and_communes_without_photos()
    {
        var html = await PageAsync("/dashboard/quality");

        var rows = Rows(html);
        Assert.Contains(["13/06/2024", "Xã Tân Lập", "10", "14"], rows);
        Assert.Contains(["13/06/2024", "Xã Tân Lập", "3"], rows);
        Assert.Contains("<a href=\"/dashboard/communes/X08\">Xã Tân An</a></li>", html);
        Assert.DoesNotContain("<a href=\"/dashboard/communes/X07\">Xã Tân Lập</a></li>", html);
    }

    [Fact]
    public async Task The_survey_page_shows_the_questions_as_the_bot_sends_them()
    {
        var html = WebUtility.HtmlDecode(await PageAsync("/dashboard/survey"));

        Assert.Contains("Câu 4/11: Ông/bà có biết Chủ tịch UBND xã không?\n1. Có\n2. Không", html);
        Assert.Contains("Chỉ hỏi khi câu 4 được trả lời: Có", html);
        Assert.Contains("không phải mẫu phiếu chính thức", html);
        var file = System.Text.RegularExpressions.Regex.Match(html, "đọc từ tệp <code>([^<]*)</code>").Groups[1].Value;
        Assert.EndsWith(".json", file);
        Assert.DoesNotContain("/", file);
    }

    [Theory]
    [InlineData("/dashboard/charts/overview.png")]
    [InlineData("/dashboard/charts/communes/X07.png")]
    public async Task Charts_are_served_as_png(string path)
    {
        var png = await Client.Http.GetByteArrayAsync(path);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task A_commune_QR_from_the_dashboard_decodes_to_the_OA_link_and_its_poster_shows_the_code()
    {
        var png = await Client.Http.GetByteArrayAsync("/dashboard/qr/X07.png");
        var poster = await PageAsync("/dashboard/qr/X07/poster");
        var list = await PageAsync("/dashboard/qr/list");

        Assert.Equal($"https://zalo.me/{BotHost.OaId}", QrDecoding.DecodePng(png));
        Assert.Contains("Quét mã → bấm Nhắn tin → gửi: <span class=\"code\">X07</span>", poster);
        Assert.Contains("Thời gian khảo sát: từ ngày 12/06/2024 đến ngày 14/06/2024", poster);
        Assert.Contains("<p class=\"issuer\">Ban Chỉ đạo Quy chế dân chủ huyện</p>", poster);
        Assert.Contains("Zalo mở trang Official Account của đơn vị khảo sát. Bấm nút “Nhắn tin”", poster);
        Assert.Contains("Danh sách mã QR code", list);
    }

    [Fact]
    public async Task An_unknown_commune_is_404()
    {
        using var response = await Client.Http.GetAsync("/dashboard/communes/X99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
