using System.Globalization;
using System.Text;

namespace ZaloBot.Conversation;

/// <summary>
/// A citizen's short reply with the habits of chat taken off, for when the reply as sent matched nothing:
/// "Có.", "dạ có ạ", "ko biet", "hai", "số 2". The reply as sent is always tried first, so a real answer never loses
/// to a guess ("Nam" stays the option Nam, and is never the number five).
/// </summary>
internal static class CitizenReply
{
    /// <summary>Folded "có", what a reply made only of polite yeses ("vâng", "dạ vâng ạ") means.</summary>
    public const string Yes = "co";

    private const string No = "khong";

    private static readonly HashSet<string> LeadingParticles = ["da", "vang", "thua", "u", "uh", "um"];
    private static readonly HashSet<string> TrailingParticles = ["a", "ah", "nhe", "nha", "nhen", "ak"];
    private static readonly HashSet<string> AbbreviationsOfNo = ["ko", "k", "kg", "kh", "khg", "k0", "hok", "hong", "hk", "hem"];

    /// <summary>"số 2", "câu 2", "chọn 2": the number is the answer.</summary>
    private static readonly HashSet<string> NumberPrefixes = ["so", "cau", "chon"];

    /// <summary>Number words, with their marks or without, except "năm" and "tư": "nam" (male) and "tu" are words too.</summary>
    private static readonly Dictionary<string, int> NumberWords = new()
    {
        ["một"] = 1, ["hai"] = 2, ["ba"] = 3, ["bốn"] = 4, ["tư"] = 4, ["năm"] = 5, ["sáu"] = 6, ["bảy"] = 7, ["bẩy"] = 7,
        ["tám"] = 8, ["chín"] = 9, ["mười"] = 10,
        ["mot"] = 1, ["bon"] = 4, ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10,
    };

    private const string Punctuation = ".,;:!?…~\"'()[]";

    /// <summary>Folded, without surrounding punctuation or polite particles: "Dạ, quay lại ạ!" is "quay lai".</summary>
    public static string Tidy(string text) => VietnameseText.Fold(string.Join(' ', Words(text)));

    /// <summary>
    /// <see cref="Tidy"/>, then read as an answer: abbreviations of "không" spelled out, a lone number word or
    /// "số N" as the number N, and a reply of polite yeses alone as <see cref="Yes"/>.
    /// </summary>
    public static string Read(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return OnlyParticles(text) ? Yes : "";
        }
        if (words.Count == 2 && NumberPrefixes.Contains(VietnameseText.Fold(words[0])))
        {
            words.RemoveAt(0);
        }
        if (words.Count == 1 && NumberWords.TryGetValue(words[0], out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }
        return string.Join(' ', words.Select(VietnameseText.Fold).Select(w => AbbreviationsOfNo.Contains(w) ? No : w));
    }

    /// <summary>The words of the reply in lower case with their marks, particles and outer punctuation removed.</summary>
    private static List<string> Words(string text)
    {
        var words = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Trim().Trim(Punctuation.ToCharArray())
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && TrailingParticles.Contains(Folded(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }
        while (words.Count > 0 && LeadingParticles.Contains(Folded(words[0])))
        {
            words.RemoveAt(0);
        }
        // A particle may leave punctuation behind at either end ("dạ, có", "2, ạ"); inside, commas still part answers.
        if (words.Count > 0)
        {
            words[0] = words[0].TrimStart(Punctuation.ToCharArray());
            words[^1] = words[^1].TrimEnd(Punctuation.ToCharArray());
        }
        return words.Where(w => VietnameseText.Fold(w).Length > 0).ToList();
    }

    private static bool OnlyParticles(string text)
    {
        var words = VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(Punctuation.ToCharArray())).ToList();
        return words.Count > 0 && words.Exists(LeadingParticles.Contains) && words.TrueForAll(w => LeadingParticles.Contains(w) || TrailingParticles.Contains(w));
    }

    private static string Folded(string word) => VietnameseText.Fold(word.Trim(Punctuation.ToCharArray()));
}
