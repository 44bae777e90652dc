using System.Text.RegularExpressions;

namespace Reporting.Posters;

/// <summary>What a commune's QR code holds, from the district's configured template.</summary>
public static partial class QrContent
{
    /// <summary>
    /// The Official Account's own link. Zalo passes nothing from it to the webhook, so the commune
    /// comes from the code printed under the QR, not from the link.
    /// </summary>
    public const string DefaultTemplate = "https://zalo.me/{OaId}";

    /// <summary>
    /// Fills <c>{OaId}</c> and <c>{CommuneCode}</c>, URL-escaped. Any other <c>{…}</c> is refused:
    /// a mistyped placeholder would otherwise be printed on every poster as a dead link.
    /// </summary>
    public static string Render(string template, string oaId, string communeCode)
    {
        var content = template
            .Replace("{OaId}", Uri.EscapeDataString(oaId), StringComparison.Ordinal)
            .Replace("{CommuneCode}", Uri.EscapeDataString(communeCode), StringComparison.Ordinal);
        var unknown = Placeholder().Match(content);
        return unknown.Success
            ? throw new ArgumentException(
                $"The QR template has an unknown placeholder {unknown.Value}; use {{OaId}} or {{CommuneCode}}.", nameof(template))
            : content;
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();
}
