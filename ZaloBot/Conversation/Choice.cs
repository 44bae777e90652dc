using System.Globalization;
using System.Text.RegularExpressions;

namespace ZaloBot.Conversation;

/// <summary>
/// Finds what a citizen picked from a numbered list: by its number ("2", "2.", "2)") or by its name, compared folded.
/// An exact name wins over names that merely contain the words sent, so "hài lòng" is not "rất hài lòng".
/// </summary>
internal static partial class Choice
{
    public static IReadOnlyList<T> Find<T>(string text, IReadOnlyList<T> items, Func<T, IEnumerable<string>> names)
    {
        var query = VietnameseText.Fold(text);
        if (TryParseNumber(query, out var number))
        {
            return number >= 1 && number <= items.Count ? [items[number - 1]] : [];
        }
        var folded = items.Select(item => (item, Names: names(item).Select(VietnameseText.Fold).ToList())).ToList();
        var exact = folded.Where(f => f.Names.Contains(query)).Select(f => f.item).ToList();
        return exact.Count > 0 || query.Length == 0
            ? exact
            : folded.Where(f => f.Names.Exists(name => ContainsWords(name, query))).Select(f => f.item).ToList();
    }

    /// <summary>A list number as citizens type it; expects folded text.</summary>
    public static bool TryParseNumber(string folded, out int number)
    {
        var match = NumberPattern().Match(folded);
        number = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    private static bool ContainsWords(string name, string words) => $" {name} ".Contains($" {words} ", StringComparison.Ordinal);

    [GeneratedRegex(@"^#?([0-9]{1,4}) ?[.)]?$")]
    private static partial Regex NumberPattern();
}
