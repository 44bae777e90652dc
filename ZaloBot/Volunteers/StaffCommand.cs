using System.Globalization;
using System.Text.RegularExpressions;
using ZaloBot.Conversation;

namespace ZaloBot.Volunteers;

public enum StaffCommandKind
{
    /// <summary>DK X07 &lt;code&gt;, DK Tân Lập &lt;code&gt;, Đăng ký HUYEN &lt;code&gt;.</summary>
    Register,

    /// <summary>LUOT 35.</summary>
    Visitors,

    /// <summary>TIENDO, or TIENDO X07 for an official.</summary>
    Progress,

    /// <summary>HUONGDAN or MENU.</summary>
    Help,

    /// <summary>BAOCAO.</summary>
    Digest,

    /// <summary>MAMOI X07 &lt;code&gt;.</summary>
    SetCode,

    /// <summary>THUHOI X07.</summary>
    RevokeCode,

    /// <summary>TEN Nguyễn Văn A, Hội CCB xã: the sender's name and position.</summary>
    Name,

    /// <summary>KHAOSAT: answer the survey as a citizen.</summary>
    AnswerAsCitizen,

    /// <summary>THOAT: back from answering as a citizen.</summary>
    BackToStaff,
}

/// <summary>
/// A staff command read from a chat message. Case and diacritics are folded, a keyword of two
/// syllables may be written apart ("Tiến độ", "TIENDO") and may be followed by a colon or run into
/// a number, so "LUOT 35", "luot 35", "Lượt: 35" and "luot35" are one command. <see cref="Words"/>
/// are what follows the keyword, folded to lower case.
/// </summary>
public sealed partial record StaffCommand(StaffCommandKind Kind, IReadOnlyList<string> Words)
{
    /// <summary>What follows the keyword as it was written, case and diacritics kept (a name: "Nguyễn Văn A, Hội CCB xã").</summary>
    public string Written { get; init; } = "";

    private static readonly Dictionary<string, StaffCommandKind> Keywords = new()
    {
        ["dk"] = StaffCommandKind.Register,
        ["dang ky"] = StaffCommandKind.Register,
        ["dang ki"] = StaffCommandKind.Register,
        ["luot"] = StaffCommandKind.Visitors,
        ["tien do"] = StaffCommandKind.Progress,
        ["huong dan"] = StaffCommandKind.Help,
        ["menu"] = StaffCommandKind.Help,
        ["bao cao"] = StaffCommandKind.Digest,
        ["ma moi"] = StaffCommandKind.SetCode,
        ["thu hoi"] = StaffCommandKind.RevokeCode,
        ["ten"] = StaffCommandKind.Name,
        ["khao sat"] = StaffCommandKind.AnswerAsCitizen,
        ["thoat"] = StaffCommandKind.BackToStaff,
    };

    // A keyword ends where its letters do: "luot35" is LUOT 35, "luotxem" is no command.
    private static readonly Regex Shape = new(
        $@"^#?(?<keyword>{string.Join('|', Keywords.Keys.Select(k => k.Replace(" ", " ?")))})(?![a-z])[\s:.,#]*(?<rest>.*)$",
        RegexOptions.Compiled);

    /// <summary>The whole number right after the keyword, if there is one.</summary>
    public int? Number =>
        Words.Count > 0 && int.TryParse(Words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Whether the words after the keyword have the shape the command needs.</summary>
    public bool Valid => Kind switch
    {
        StaffCommandKind.Register or StaffCommandKind.SetCode => Words.Count == 2,
        StaffCommandKind.RevokeCode => Words.Count == 1,
        StaffCommandKind.Visitors => Number is not null,
        StaffCommandKind.Progress => true,
        StaffCommandKind.Name => Words.Count > 0,
        _ => Words.Count == 0,
    };

    /// <summary>
    /// The command the text starts with, or null when it starts with no command keyword, or with "DK" not followed
    /// by a registration. <paramref name="scopeNamed"/> gives the scope some words name (HUYEN, or a commune's code
    /// for its code or name), or null; without it, HUYEN and any word shaped like a commune code are scopes.
    /// </summary>
    public static StaffCommand? Parse(string text, Func<string, string?>? scopeNamed = null)
    {
        var folded = VietnameseText.Fold(text);
        var match = Shape.Match(folded);
        if (!match.Success)
        {
            return null;
        }
        var kind = KindOf(match.Groups["keyword"].Value);
        var words = match.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return kind == StaffCommandKind.Register
            ? Registration(words, scopeNamed ?? ScopeShaped)
            : new StaffCommand(kind, words) { Written = WrittenAfter(text, folded[..match.Groups["rest"].Index].TrimEnd()) };
    }

    /// <summary>The original text after the part that folds to <paramref name="foldedPrefix"/> (the keyword and its separators).</summary>
    private static string WrittenAfter(string text, string foldedPrefix)
    {
        var original = text.Normalize(System.Text.NormalizationForm.FormC).Trim();
        for (var end = 0; end <= original.Length; end++)
        {
            if (VietnameseText.Fold(original[..end]) == foldedPrefix)
            {
                return original[end..].TrimStart(' ', ':', '.', ',', '#', '\t', '\n').Trim();
            }
        }
        return "";
    }

    /// <summary>
    /// "Đk" also begins what citizens write ("Đk thủ tục nhanh gọn"), so it is a registration only when a scope follows:
    /// a commune (by code or name) or HUYEN, then the invite code. Something shaped like a commune code ("DK X99 …",
    /// "DK X07") is still read as a registration, to be answered with how to register; anything else is no command.
    /// </summary>
    private static StaffCommand? Registration(string[] words, Func<string, string?> scopeNamed)
    {
        if (words.Length >= 2 && scopeNamed(string.Join(' ', words[..^1])) is { } scope)
        {
            return new StaffCommand(StaffCommandKind.Register, [scope.ToLowerInvariant(), words[^1]]);
        }
        return words.Length > 0 && (scopeNamed(words[0]) is not null || CommuneCodeShape().IsMatch(words[0]))
            ? new StaffCommand(StaffCommandKind.Register, words)
            : null;
    }

    private static string? ScopeShaped(string words) =>
        words == "huyen" || CommuneCodeShape().IsMatch(words) ? words : null;

    /// <summary>X07, TT01: a few letters, then digits.</summary>
    [GeneratedRegex("^[a-z]{1,3}[0-9]{1,3}$")]
    private static partial Regex CommuneCodeShape();

    private static StaffCommandKind KindOf(string keyword) =>
        Keywords.First(k => k.Key.Replace(" ", "") == keyword.Replace(" ", "")).Value;
}
