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
        // In the order given: that is the order that decides.
        var picked = new Picker();
        var read = 0L;
        foreach (var answer in answers)
        {
            picked.Add(answer.Text, (0, default, read++));
        }

        return picked.Quoted(limit);
    }

    /// <summary>
    /// What <see cref="Of"/> picks for each commune from the comments <see cref="FreeTextAnswers.Collect"/>
    /// lists, read in one pass over <paramref name="responses"/>: it keeps one entry per distinct
    /// comment of each commune, not the responses, nor every comment.
    /// </summary>
    public static Dictionary<string, (IReadOnlyList<QuotedComment> Quoted, int Total)> PerCommune(
        IReadOnlyList<QuestionInfo> questions, IEnumerable<ResponseRecord> responses, ExportFilter filter, int limit)
    {
        var textQuestions = FreeTextAnswers.TextQuestions(questions);
        var communes = new Dictionary<string, Picker>(StringComparer.Ordinal);
        var read = 0L;
        foreach (var response in responses.Where(filter.Includes))
        {
            read++;
            foreach (var (order, _, text) in FreeTextAnswers.Of(textQuestions, response))
            {
                if (!communes.TryGetValue(response.CommuneCode, out var picker))
                {
                    communes[response.CommuneCode] = picker = new Picker();
                }

                picker.Add(text, (order, response.SubmittedAt, read));
            }
        }

        return communes.ToDictionary(c => c.Key, c => c.Value.Quoted(limit));
    }

    /// <summary>
    /// Counts comments by their folded words as they come. Where comments are read matters for which
    /// of several spellings is quoted and which of two equal comments comes first: the place
    /// (question, time, order read) they would have in <see cref="FreeTextAnswers.Collect"/>.
    /// </summary>
    private sealed class Picker
    {
        private readonly Dictionary<string, Group> groups = new(StringComparer.Ordinal);
        private int total;

        public void Add(string text, (int Question, DateTimeOffset At, long Read) place)
        {
            var key = Key(text);
            if (NothingToAdd.Contains(key))
            {
                return;
            }

            total++;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = new Group { Text = text, First = place, Times = 1 };
                return;
            }

            group.Times++;
            if (place.CompareTo(group.First) < 0)
            {
                group.Text = text;
                group.First = place;
            }
        }

        public (IReadOnlyList<QuotedComment> Quoted, int Total) Quoted(int limit) =>
        (
            groups.Values
                .Select(g => (Comment: new QuotedComment(g.Text.Normalize(NormalizationForm.FormC).Trim(), g.Times), g.First))
                .OrderByDescending(c => c.Comment.Times)
                .ThenByDescending(c => c.Comment.Text.Length)
                .ThenBy(c => c.First)
                .Take(limit)
                .Select(c => c.Comment)
                .ToList(),
            total
        );

        private sealed class Group
        {
            public required string Text { get; set; }

            public (int Question, DateTimeOffset At, long Read) First { get; set; }

            public int Times { get; set; }
        }
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
