using System.Text;
using Microsoft.Extensions.Options;
using Reporting.Posters;
using ZaloBot.Survey;
using ZaloBot.Zalo;

namespace ZaloBot.Posters;

/// <summary>Every commune's QR code, poster and the list sheet, from the survey's communes and the OA's link.</summary>
public sealed class QrPosters(SurveyCatalog catalog, IOptions<ZaloOptions> zalo, IOptions<PosterOptions> options)
{
    public const string ListFileName = "danh-sach-ma-qr.html";

    /// <summary>Why no QR can be made, or null. Live mode runs without an OA id, but its QR codes cannot.</summary>
    public string? Problem =>
        options.Value.QrTemplate.Contains("{OaId}", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(zalo.Value.OaId)
            ? "Zalo:OaId is not set, and the QR codes link to the OA."
            : null;

    public IReadOnlyList<CommuneQr> All() => Problem is { } problem
        ? throw new InvalidOperationException(problem)
        : catalog.Communes.Select(c => new CommuneQr(c, QrContent.Render(options.Value.QrTemplate, zalo.Value.OaId ?? "", c.Code))).ToList();

    public CommuneQr? Find(string code) =>
        Problem is null ? All().FirstOrDefault(qr => string.Equals(qr.Commune.Code, code, StringComparison.OrdinalIgnoreCase)) : null;

    public byte[] Png(CommuneQr qr) => QrCodes.Png(qr.Content, options.Value.PngPixelsPerModule);

    /// <summary>A standalone SVG file: the element QRCoder draws, with the XML declaration image viewers expect.</summary>
    public static string SvgFile(CommuneQr qr) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + QrCodes.Svg(qr.Content);

    public string ListHtml() => QrCodeList.Html(All());

    /// <summary>The A4 poster with the issuing body, the OA's name and the survey's dates.</summary>
    public string PosterHtml(CommuneQr qr) => CommunePoster.Html(qr, new PosterDetails(
        options.Value.IssuedBy,
        options.Value.OaName,
        DateOnly.FromDateTime(catalog.Definition.OpensAt),
        DateOnly.FromDateTime(catalog.Definition.ClosesAt)));

    /// <summary>What the <c>qr</c> command writes: per commune its PNG, SVG and poster, then the list sheet.</summary>
    public IEnumerable<(string Name, byte[] Content)> Files()
    {
        foreach (var qr in All())
        {
            yield return ($"{qr.Commune.Code}.png", Png(qr));
            yield return ($"{qr.Commune.Code}.svg", Encoding.UTF8.GetBytes(SvgFile(qr)));
            yield return ($"{qr.Commune.Code}-poster.html", Encoding.UTF8.GetBytes(PosterHtml(qr)));
        }
        yield return (ListFileName, Encoding.UTF8.GetBytes(ListHtml()));
    }
}
