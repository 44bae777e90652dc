using Reporting.Posters;
using static Reporting.Tests.Posters.PageReading;

namespace Reporting.Tests.Posters;

public sealed class QrCodeListTests
{
    private const string Template = "https://khaosat.example.vn/pks02?oa={OaId}&xa={CommuneCode}";

    private static readonly IReadOnlyList<CommuneQr> District = Enumerable.Range(1, 24)
        .Select(n => new Commune($"X{n:00}", $"Xã Số {n}"))
        .Append(new Commune("TT01", "Thị trấn Phú Mỹ"))
        .Select(commune => new CommuneQr(commune, QrContent.Render(Template, "123", commune.Code)))
        .ToList();

    [Fact]
    public void Twenty_five_communes_take_three_A4_sheets_of_at_most_twelve_each_titled()
    {
        var page = Parse(QrCodeList.Html(District));

        var sheets = page.WithClass("sheet").ToList();
        Assert.Equal([12, 12, 1], sheets.Select(sheet => sheet.WithClass("item").Count()));
        Assert.All(sheets, sheet => Assert.Equal("Danh sách mã QR code", sheet.Descendants("h1").Single().Value));
        Assert.Contains("@page { size: A4;", Style(page));
    }

    [Fact]
    public void Each_item_shows_a_commune_name_and_code_under_a_QR_that_decodes_to_that_communes_link()
    {
        var items = Parse(QrCodeList.Html(District)).WithClass("item").ToList();

        Assert.Equal(District.Count, items.Count);
        foreach (var (item, expected) in items.Zip(District))
        {
            Assert.Equal(expected.Commune.Name, item.WithClass("name").Single().Value);
            Assert.Equal(expected.Commune.Code, item.WithClass("code").Single().Value);
            var svg = item.Descendants(Svg + "svg").Single();
            Assert.Equal($"https://khaosat.example.vn/pks02?oa=123&xa={expected.Commune.Code}", QrDecoding.DecodeModules(QrDecoding.Modules(svg)));
        }
    }

    [Fact]
    public void Commune_names_are_encoded()
    {
        var html = QrCodeList.Html([new CommuneQr(new Commune("X01", "<script>alert(1)</script>"), "https://zalo.me/1")]);

        Assert.DoesNotContain("<script", html);
        Assert.Equal("<script>alert(1)</script>", Parse(html).WithClass("name").Single().Value);
    }
}
