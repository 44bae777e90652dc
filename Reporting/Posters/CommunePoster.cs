namespace Reporting.Posters;

/// <summary>
/// What a poster says beyond the commune: who issues it, the OA's name as the citizen will see it
/// after scanning, and the survey's first and last day.
/// </summary>
public sealed record PosterDetails(string IssuedBy, string? OaName, DateOnly Opens, DateOnly Closes);

/// <summary>
/// The A4 poster put up at a commune's one-stop desk: the QR, the code to send in very large type,
/// three steps for a first-time chatbot user, and the promise of anonymity.
/// </summary>
public static class CommunePoster
{
    private const string Css = """
        .poster { display: flex; flex-direction: column; align-items: center; justify-content: space-between; text-align: center; padding: 2mm 0; }
        .poster p { margin: 0; }
        .heading { font-size: 26pt; font-weight: 700; letter-spacing: 0.5mm; }
        .subject { font-size: 16pt; }
        .commune { font-size: 32pt; font-weight: 700; margin: 0; line-height: 1.15; }
        .qr svg { width: 95mm; height: 95mm; }
        .instruction { font-size: 20pt; font-weight: 600; }
        .code { display: block; font-size: 110pt; font-weight: 800; line-height: 1; letter-spacing: 2mm; }
        .steps { margin: 0; padding-left: 12mm; text-align: left; font-size: 16pt; line-height: 1.3; }
        .steps li { margin: 1.5mm 0; }
        .promise { font-size: 18pt; font-weight: 700; }
        .help { font-size: 13pt; }
        .issuer { font-size: 12pt; font-weight: 700; text-transform: uppercase; }
        .period { font-size: 14pt; font-weight: 600; }
        """;

    public static string Html(CommuneQr qr, PosterDetails? details = null)
    {
        var steps = string.Concat(PosterText.Steps(qr.Commune.Code, details?.OaName).Select(step => $"<li>{PrintPage.Encode(step)}</li>"));
        var issuer = details is null ? "" : $"""<p class="issuer">{PrintPage.Encode(details.IssuedBy)}</p>""";
        var period = details is null ? "" : $"""<p class="period">{PrintPage.Encode(PosterText.Period(details.Opens, details.Closes))}</p>""";
        var body = $"""
            <main class="sheet poster">
            {issuer}
            <p class="heading">{PrintPage.Encode(PosterText.Heading)}</p>
            <p class="subject">{PrintPage.Encode(PosterText.Subject)}</p>
            <h1 class="commune">{PrintPage.Encode(qr.Commune.Name)}</h1>
            {period}
            <div class="qr">{QrCodes.Svg(qr.Content)}</div>
            <p class="instruction">{PrintPage.Encode(PosterText.ShortInstruction)} <span class="code">{PrintPage.Encode(qr.Commune.Code)}</span></p>
            <ol class="steps">{steps}</ol>
            <p class="promise">{PrintPage.Encode(PosterText.Anonymous)}</p>
            <p class="help">{PrintPage.Encode(PosterText.Help)}</p>
            </main>
            """;
        return PrintPage.Build($"{PosterText.Heading} – {qr.Commune.Name} ({qr.Commune.Code})", Css, body);
    }
}
