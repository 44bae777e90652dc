using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Reporting.Charts;
using Reporting.Quota;

namespace ZaloBot.Dashboard;

/// <summary>
/// The dashboard's pages are HTML built in C#: this is the frame, and the few pieces every page uses.
/// Every value that reaches a page passes through <see cref="E"/>; the helpers take markup already encoded.
/// </summary>
internal static class Layout
{
    // Vietnamese passes through as it is; what matters to HTML (< > & " ' and the like) is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string Css = Resource("dashboard.css");

    private static readonly (string Path, string Label)[] Menu =
    [
        ("/dashboard", "Tổng quan"),
        ("/dashboard/quality", "Cần kiểm tra"),
        ("/dashboard/staff", "Cán bộ"),
        ("/dashboard/exports", "Xuất dữ liệu"),
        ("/dashboard/qr", "Mã QR"),
        ("/dashboard/survey", "Bộ câu hỏi"),
    ];

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string E(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A signed-in page: the menu, the sign-out button, then <paramref name="body"/>.</summary>
    public static IResult Page(HttpContext http, string title, string body)
    {
        var links = string.Concat(Menu.Select(m => $"""<a href="{m.Path}">{E(m.Label)}</a>"""));
        var signOut = Form(http, "/dashboard/signout", $"""<button type="submit">Đăng xuất ({E(http.User.Identity?.Name)})</button>""");
        return Document(title, $"""
            <header><p class="product">Khảo sát PKS02</p><nav>{links}{signOut}</nav></header>
            <main><h1>{E(title)}</h1>{body}</main>
            """);
    }

    /// <summary>A page for someone not signed in yet: no menu.</summary>
    public static IResult Bare(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        Document(title, $"""
            <header><p class="product">Khảo sát PKS02</p></header>
            <main><h1>{E(title)}</h1>{body}</main>
            """, statusCode);

    /// <summary>A POST form carrying the anti-forgery token that every dashboard POST checks; <paramref name="upload"/> for a file.</summary>
    public static string Form(HttpContext http, string action, string fields, string cssClass = "", bool upload = false)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var encoding = upload ? " enctype=\"multipart/form-data\"" : "";
        return $"""
            <form method="post" action="{E(action)}" class="{cssClass}"{encoding}><input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}" />{fields}</form>
            """;
    }

    /// <summary>A table whose cells are markup; wrapped so that it scrolls sideways on a phone.</summary>
    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows, string? totalRow = null)
    {
        var head = string.Concat(headers.Select(h => $"<th>{E(h)}</th>"));
        var body = string.Concat(rows.Select(r => $"<tr>{string.Concat(r.Select(c => $"<td>{c}</td>"))}</tr>"));
        return $"""<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}{totalRow}</tbody></table></div>""";
    }

    /// <summary>A quota verdict in its chart colour, with the R &gt; V mark when there are more answers than visitors.</summary>
    public static string Status(QuotaResult quota) =>
        $"""<span class="status" style="background:{StatusPalette.Hex(quota.Status)};color:{TextOn(quota.Status)}">{E(quota.Status.Label())}</span>"""
        + (quota.Suspicious ? $"""<span class="flag" title="{E(QuotaLabels.Suspicious)}">R&gt;V</span>""" : "");

    /// <summary>
    /// The badge's text colour: white on the green and red, black on the orange and grey, each at
    /// least 4.5:1 against the chart colour behind it (WCAG AA for small text).
    /// </summary>
    public static string TextOn(QuotaStatus status) => status is QuotaStatus.Below or QuotaStatus.NotReported ? "#000" : "#fff";

    /// <summary>A server-rendered chart; tapping it opens it full size, which a phone can zoom.</summary>
    /// <param name="phoneSrc">The same chart with type sized for a phone, shown below the desktop breakpoint.</param>
    public static string Chart(string src, string alt, string? phoneSrc = null) => phoneSrc is null
        ? $"""<a href="{E(src)}"><img class="chart" src="{E(src)}" alt="{E(alt)}" /></a>"""
        : $"""<a href="{E(src)}"><picture><source media="(max-width: 47.99rem)" srcset="{E(phoneSrc)}" /><img class="chart" src="{E(src)}" alt="{E(alt)}" /></picture></a>""";

    /// <summary>A visitor count, or a dash while no volunteer has reported it.</summary>
    public static string Visitors(int? visitors) => visitors is { } v ? E(v) : "–";

    private static IResult Document(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content($"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{E(title)} – Khảo sát PKS02</title>
            <style>{Css}</style>
            </head>
            <body>
            {body}
            </body>
            </html>
            """, "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ZaloBot.Dashboard.wwwroot." + name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
