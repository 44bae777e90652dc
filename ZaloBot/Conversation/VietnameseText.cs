using System.Globalization;
using System.Text;

namespace ZaloBot.Conversation;

/// <summary>Folds Vietnamese text to a plain key, so "Tân Lập", "tan lap" and "TÂN LẬP 👍" compare equal.</summary>
public static class VietnameseText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            AppendFolded(folded, rune);
        }
        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AppendFolded(StringBuilder folded, Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            folded.Append(' ');
        }
        else if (rune.Value == 'đ')
        {
            // NFD leaves "đ" whole: it is a letter of its own, not "d" with a mark.
            folded.Append('d');
        }
        else if (!IsDropped(Rune.GetUnicodeCategory(rune)))
        {
            folded.Append(rune.ToString());
        }
    }

    /// <summary>Tone and vowel marks, emoji with their joiners and variation selectors, and other symbols.</summary>
    private static bool IsDropped(UnicodeCategory category) => category is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or
        UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
