using Reporting.Posters;

namespace Reporting.Tests.Posters;

public sealed class QrContentTests
{
    [Fact]
    public void Default_template_is_the_Official_Account_link()
    {
        Assert.Equal("https://zalo.me/4318251876547659875", QrContent.Render(QrContent.DefaultTemplate, "4318251876547659875", "X07"));
    }

    [Fact]
    public void Commune_code_placeholder_is_filled_too()
    {
        var content = QrContent.Render("https://khaosat.example.vn/pks02?oa={OaId}&xa={CommuneCode}", "123", "TT01");

        Assert.Equal("https://khaosat.example.vn/pks02?oa=123&xa=TT01", content);
    }

    [Fact]
    public void Inserted_values_are_URL_escaped()
    {
        Assert.Equal("https://example.vn/?xa=X%2007%26a", QrContent.Render("https://example.vn/?xa={CommuneCode}", "1", "X 07&a"));
    }

    [Theory]
    [InlineData("https://zalo.me/{OAId}")]
    [InlineData("https://zalo.me/{OaId}?xa={commune}")]
    public void An_unknown_placeholder_is_refused_rather_than_printed(string template)
    {
        Assert.Throws<ArgumentException>(() => QrContent.Render(template, "123", "X07"));
    }
}
