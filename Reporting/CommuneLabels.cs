using System.Text;

namespace Reporting;

/// <summary>How a commune is named in the digest, the charts and the reminders.</summary>
public static class CommuneLabels
{
    // The code already tells a commune ("X04") from a town ("TT01"), and a line on a phone is short.
    private static readonly string[] Kinds = ["Xã ", "Thị trấn ", "Phường ", "Thị xã "];

    /// <summary>
    /// "X04 Đông Hưng": the code volunteers type and the name everyone knows, in composed (NFC) form.
    /// A commune without a name of its own is shown by its code alone.
    /// </summary>
    public static string Label(this Commune commune)
    {
        var name = commune.Name.Normalize(NormalizationForm.FormC).Trim();
        foreach (var kind in Kinds)
        {
            // "Phường 2" keeps its kind: "2" alone names nothing.
            if (name.Length > kind.Length && name.StartsWith(kind, StringComparison.OrdinalIgnoreCase)
                && name[kind.Length..].Any(char.IsLetter))
            {
                name = name[kind.Length..].TrimStart();
                break;
            }
        }

        return name.Length == 0 || string.Equals(name, commune.Code, StringComparison.OrdinalIgnoreCase)
            ? commune.Code
            : $"{commune.Code} {name}";
    }
}
