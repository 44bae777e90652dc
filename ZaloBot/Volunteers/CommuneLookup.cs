using Reporting;
using ZaloBot.Conversation;
using ZaloBot.Survey;

namespace ZaloBot.Volunteers;

internal static class CommuneLookup
{
    /// <summary>The commune a staff member typed, in any case ("x07" finds X07).</summary>
    public static Commune? FindCommune(this SurveyCatalog catalog, string code) =>
        catalog.Communes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The scope a registration names, as its code: HUYEN, or a commune by code ("x07") or by its whole name
    /// ("tân lập", "xa tan lap"); null for anything else.
    /// </summary>
    public static string? RegistrationScope(this SurveyCatalog catalog, string words) =>
        string.Equals(words, InviteCodes.District, StringComparison.OrdinalIgnoreCase)
            ? InviteCodes.District
            : catalog.CommuneNamed(words);

    /// <summary>A commune's code from its code ("x07") or its whole name ("tân lập", "xa tan lap"); null for anything else.</summary>
    public static string? CommuneNamed(this SurveyCatalog catalog, string words) =>
        catalog.FindCommune(words)?.Code ?? new CommuneFinder(catalog.Definition.Communes).Named(words)?.Code;

    /// <summary>"Xã Tân Lập (X07)".</summary>
    public static string Describe(this SurveyCatalog catalog, string code) =>
        catalog.FindCommune(code) is { } commune ? $"{commune.Name} ({commune.Code})" : code;
}
