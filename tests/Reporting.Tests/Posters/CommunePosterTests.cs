using Reporting.Posters;
using static Reporting.Tests.Posters.PageReading;

namespace Reporting.Tests.Posters;

public sealed class CommunePosterTests
{
    private static readonly CommuneQr TanLap = new(new Commune("X07", "Xã Tân Lập"), "https://zalo.me/4318251876547659875");

    [Fact]
    public void Is_an_A4_print_page()
    {
        var page = Parse(CommunePoster.Html(TanLap));

        Assert.Contains("@page { size: A4;", Style(page));
        Assert.Equal("vi", (string?)page.Root!.Attribute("lang"));
    }

    [Fact]
    public void Shows_the_commune_name_and_its_code_in_the_short_instruction()
    {
        var page = Parse(CommunePoster.Html(TanLap));

        Assert.Equal("Xã Tân Lập", page.Descendants("h1").Single().Value);
        Assert.Equal("Quét mã → bấm Nhắn tin → gửi: X07", page.WithClass("instruction").Single().Value);
        Assert.Equal("X07", page.WithClass("code").Single().Value);
    }

    [Fact]
    public void Gives_three_numbered_steps_scan_with_Zalo_tap_Nhan_tin_send_the_code_and_type_numbers()
    {
        var steps = Parse(CommunePoster.Html(TanLap)).Descendants("ol").Single().Elements("li").Select(li => li.Value).ToList();

        Assert.Equal(3, steps.Count);
        Assert.Contains("Zalo", steps[0]);
        Assert.Contains("quét mã QR", steps[0]);
        Assert.Contains("“Nhắn tin”", steps[1]);
        Assert.Contains("Gửi mã X07", steps[2]);
        Assert.Contains("gõ số", steps[2]);
    }

    [Fact]
    public void With_its_details_names_the_issuer_the_survey_dates_and_the_OA_page_the_scan_opens()
    {
        var details = new PosterDetails("Ban Chỉ đạo Quy chế dân chủ huyện", "UBND huyện Phú Mỹ", new DateOnly(2024, 6, 12), new DateOnly(2024, 6, 14));

        var page = Parse(CommunePoster.Html(TanLap, details));

        Assert.Equal("Ban Chỉ đạo Quy chế dân chủ huyện", page.WithClass("issuer").Single().Value);
        Assert.Equal("Thời gian khảo sát: từ ngày 12/06/2024 đến ngày 14/06/2024", page.WithClass("period").Single().Value);
        var steps = page.Descendants("ol").Single().Elements("li").Select(li => li.Value).ToList();
        Assert.Equal("Zalo mở trang Official Account “UBND huyện Phú Mỹ”. Bấm nút “Nhắn tin” trên trang đó.", steps[1]);
    }

    [Fact]
    public void Promises_anonymity_and_one_answer_per_person()
    {
        var page = Parse(CommunePoster.Html(TanLap));

        Assert.Equal("Ý kiến được giữ kín, mỗi người trả lời 01 lần.", page.WithClass("promise").Single().Value);
    }

    [Fact]
    public void Carries_an_inline_SVG_QR_that_decodes_to_the_commune_link()
    {
        var page = Parse(CommunePoster.Html(TanLap));

        var svg = page.Descendants(Svg + "svg").Single();
        Assert.Equal(TanLap.Content, QrDecoding.DecodeModules(QrDecoding.Modules(svg)));
    }

    [Fact]
    public void Vietnamese_text_is_written_as_is_not_as_character_references()
    {
        var html = CommunePoster.Html(TanLap);

        Assert.Contains(">Xã Tân Lập</h1>", html);
        Assert.Contains("Ý kiến được giữ kín", html);
    }

    [Fact]
    public void A_commune_name_with_markup_is_encoded_not_run()
    {
        var hostile = new CommuneQr(new Commune("X07\"><b>", "Xã <script>alert('x')</script> & Co"), TanLap.Content);

        var html = CommunePoster.Html(hostile);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        var page = Parse(html);
        Assert.Empty(page.Descendants("script"));
        Assert.Equal("Xã <script>alert('x')</script> & Co", page.Descendants("h1").Single().Value);
        Assert.Equal("X07\"><b>", page.WithClass("code").Single().Value);
    }
}
