using System.Text.RegularExpressions;

namespace ZaloBot.Conversation;

/// <summary>Finds the commune a citizen names: by the code printed on the QR poster, by list number, or by name.</summary>
internal sealed partial class CommuneFinder(IReadOnlyList<CommuneDefinition> communes)
{
    /// <summary>More matches than this are no help as a list to choose from.</summary>
    private const int MaxChoices = 5;

    private static readonly string[] NamePrefixes = ["xa ", "thi tran ", "phuong "];

    /// <summary>The commune whose code appears as a word anywhere in the text ("Xin chào #X07"), if exactly one does.</summary>
    public CommuneDefinition? FindCode(string? text)
    {
        var words = WordSeparator().Split(VietnameseText.Fold(text ?? ""));
        var found = communes.Where(c => words.Contains(c.Code.ToLowerInvariant())).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// The communes the text may mean. A number picks from <paramref name="choices"/> when the citizen was asked to choose
    /// among a few, otherwise from the whole list.
    /// </summary>
    public IReadOnlyList<CommuneDefinition> Find(string text, IReadOnlyList<string> choices)
    {
        if (FindCode(text) is { } byCode)
        {
            return [byCode];
        }
        var pickingFromChoices = choices.Count > 0 && Choice.TryParseNumber(VietnameseText.Fold(text), out _);
        var list = pickingFromChoices ? choices.Select(ByCode).ToList() : communes;
        var found = Choice.Find(text, list, Names);
        return found.Count <= MaxChoices ? found : [];
    }

    /// <summary>
    /// The communes a first message names: by code, or by name when the whole message is one ("Tân Lập",
    /// "xa tan lap ạ"); a few when the name fits several ("Tân"). A number is no commune here: it is no answer to a
    /// question not yet asked.
    /// </summary>
    public IReadOnlyList<CommuneDefinition> InFirstMessage(string? text)
    {
        if (FindCode(text) is { } byCode)
        {
            return [byCode];
        }
        var name = CitizenReply.Tidy(text ?? "");
        return name.Length == 0 || Choice.TryParseNumber(CitizenReply.Read(text!), out _) ? [] : Find(name, []);
    }

    /// <summary>The commune whose whole name (with or without "Xã") or alias the text is, if exactly one.</summary>
    public CommuneDefinition? Named(string text)
    {
        var name = VietnameseText.Fold(text);
        var found = communes.Where(c => Names(c).Select(VietnameseText.Fold).Contains(name)).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    public CommuneDefinition ByCode(string code) => communes.First(c => c.Code == code);

    /// <summary>The full name, the name without "Xã"/"Thị trấn"/"Phường", and the aliases.</summary>
    private static IEnumerable<string> Names(CommuneDefinition commune)
    {
        var name = VietnameseText.Fold(commune.Name);
        var prefix = NamePrefixes.FirstOrDefault(name.StartsWith);
        return [name, prefix is null ? name : name[prefix.Length..], .. commune.Aliases];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex WordSeparator();
}
