using Reporting.Posters;
using ZaloBot.Posters;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>Each commune's QR code (PNG, SVG), its printable poster, and the sheet listing them all.</summary>
internal static class QrPages
{
    public static void MapQrCodes(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/qr", (HttpContext http, QrPosters posters) => Page(http, "Mã QR và áp phích", Body(posters)));
        routes.Pages.MapGet("/qr/list", (QrPosters posters) => Html(posters.ListHtml()));
        routes.Pages.MapGet("/qr/{code}/poster", (string code, QrPosters posters) =>
            posters.Find(code) is { } qr ? Html(posters.PosterHtml(qr)) : Results.NotFound());
        routes.Files.MapGet("/qr/{code}.png", (string code, QrPosters posters) =>
            posters.Find(code) is { } qr ? Results.File(posters.Png(qr), "image/png", $"{qr.Commune.Code}.png") : Results.NotFound());
        routes.Files.MapGet("/qr/{code}.svg", (string code, QrPosters posters) =>
            posters.Find(code) is { } qr ? Results.Text(QrPosters.SvgFile(qr), "image/svg+xml; charset=utf-8") : Results.NotFound());
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    private static string Body(QrPosters posters)
    {
        if (posters.Problem is { } problem)
            return $"""<section class="card"><p class="error">{E(problem)}</p></section>""";
        var all = posters.All();
        var items = string.Concat(all.Select(qr => $"""
            <figure><img src="/dashboard/qr/{E(qr.Commune.Code)}.svg" alt="Mã QR {E(qr.Commune.Code)}" />
            <figcaption><strong>{E(qr.Commune.Code)}</strong> {E(qr.Commune.Name)}<br />
            <a href="/dashboard/qr/{E(qr.Commune.Code)}/poster">Áp phích A4</a> · <a href="/dashboard/qr/{E(qr.Commune.Code)}.png">PNG</a> · <a href="/dashboard/qr/{E(qr.Commune.Code)}.svg" download="{E(qr.Commune.Code)}.svg">SVG</a></figcaption></figure>
            """));
        return $"""
            <section class="card">
            <p>Mỗi mã QR mở khung chat của OA (ví dụ, mã của {E(all.Count > 0 ? all[0].Commune.Code : null)} chứa <code>{E(all.Count > 0 ? all[0].Content : null)}</code>). Người dân gửi mã xã in trên áp phích để bắt đầu khảo sát.</p>
            <p class="buttons"><a class="button" href="/dashboard/qr/list">In danh sách mã QR</a></p>
            <div class="qrs">{items}</div>
            <p class="note">Cũng có thể tạo tất cả các tệp bằng lệnh <code>dotnet run --project ZaloBot -- qr --out &lt;thư mục&gt;</code>.</p>
            </section>
            """;
    }
}
