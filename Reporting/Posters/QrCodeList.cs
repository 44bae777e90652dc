namespace Reporting.Posters;

/// <summary>
/// Every commune's QR and code on A4 sheets, twelve to a sheet, for the district to hand out and
/// to check that each commune got its own code.
/// </summary>
public static class QrCodeList
{
    public const int PerSheet = 12;

    private const string Css = """
        .list h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; height: 9mm; }
        .grid { display: grid; grid-template-columns: repeat(3, 1fr); grid-auto-rows: 62mm; gap: 3mm; }
        .item { margin: 0; border: 0.3mm dashed #888; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
        .item .qr svg { width: 40mm; height: 40mm; }
        .item .name { display: block; font-size: 11pt; font-weight: 600; line-height: 1.2; }
        .item .code { display: block; font-size: 20pt; font-weight: 800; letter-spacing: 0.5mm; }
        """;

    public static string Html(IReadOnlyList<CommuneQr> communes)
    {
        var sheets = communes.Chunk(PerSheet).Select(sheet => $"""
            <section class="sheet list">
            <h1>{PrintPage.Encode(PosterText.ListTitle)}</h1>
            <div class="grid">
            {string.Join("\n", sheet.Select(Item))}
            </div>
            </section>
            """);
        return PrintPage.Build(PosterText.ListTitle, Css, string.Join("\n", sheets));
    }

    private static string Item(CommuneQr qr) => $"""
        <figure class="item">
        <div class="qr">{QrCodes.Svg(qr.Content)}</div>
        <figcaption><span class="name">{PrintPage.Encode(qr.Commune.Name)}</span><span class="code">{PrintPage.Encode(qr.Commune.Code)}</span></figcaption>
        </figure>
        """;
}
