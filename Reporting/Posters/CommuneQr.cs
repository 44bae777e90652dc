namespace Reporting.Posters;

/// <summary>A commune and what its QR code holds (see <see cref="QrContent.Render"/>).</summary>
public sealed record CommuneQr(Commune Commune, string Content);
