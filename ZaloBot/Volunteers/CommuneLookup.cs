using Reporting;
using ZaloBot.Survey;

namespace ZaloBot.Volunteers;

internal static class CommuneLookup
{
    /// <summary>The commune a staff member typed, in any case ("x07" finds X07).</summary>
    public static Commune? FindCommune(this SurveyCatalog catalog, string code) =>
        catalog.Communes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>"Xã Tân Lập (X07)".</summary>
    public static string Describe(this SurveyCatalog catalog, string code) =>
        catalog.FindCommune(code) is { } commune ? $"{commune.Name} ({commune.Code})" : code;
}
