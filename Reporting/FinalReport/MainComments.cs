using System.Globalization;
using System.Text;
using Reporting.Exports;

namespace Reporting.FinalReport;

/// <summary>One comment as quoted in the report, with how many citizens wrote the same.</summary>
internal sealed record QuotedComment(string Text, int Times);

/// <summary>
/// Picks the comments worth quoting for a commune: the same words written by several citizens count
/// once, with their number, and come first; then the longer ones, which say more. Answers that only
/// say there is nothing to add ("Không", "Không có ý kiến") are left out.
/// </summary>
internal static class MainComments
{
    private static readonly HashSet<string> NothingToAdd = new(StringComparer.Ordinal)
    {
        "khong", "k", "ko", "kg", "khong co", "khong co y kien", "khong y kien", "chua co", "khong co gi", "het", "no", "none",
    };

    public static (IReadOnlyList<QuotedComment> Quoted, int Total) Of(IEnumerable<FreeText> answers, int limit)
    {
        var meaningful = answers.Where(a => !NothingToAdd.Contains(Key(a.Text))).ToList();
        var quoted = meaningful
            .GroupBy(a => Key(a.Text))
            .Select(g => new QuotedComment(g.First().Text.Normalize(NormalizationForm.FormC).Trim(), g.Count()))
            .OrderByDescending(c => c.Times)
            .ThenByDescending(c => c.Text.Length)
            .Take(limit)
            .ToList();
        return (quoted, meaningful.Count);
    }

    /// <summary>Lower case, without marks or closing punctuation, so "Không." and "không" are the same answer.</summary>
    private static string Key(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c == 'đ' ? 'd' : c);
            }
        }

        return string.Join(' ', folded.ToString().Split([' ', '\n', '\r', '\t', '.', ',', '!', '?', ';', ':', '-'], StringSplitOptions.RemoveEmptyEntries));
    }
}
