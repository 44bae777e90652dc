namespace ZaloBot.Zalo;

/// <summary>Shapes text for Zalo chat messages (at most 2,000 characters each).</summary>
public static class ChatText
{
    public const int MaxLength = 2000;

    /// <summary>About one phone screen of Vietnamese text: what an elderly reader takes in at once.</summary>
    public const int ScreenLength = 700;

    /// <summary>
    /// Joins the parts of one answer into as few messages as fit on one phone screen each, never
    /// splitting a part (a longer part, such as the recap, goes alone, within Zalo's limit).
    /// </summary>
    public static IEnumerable<string> Join(IEnumerable<string> parts)
    {
        var current = "";
        foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (current.Length > 0 && current.Length + 2 + part.Length > ScreenLength)
            {
                yield return current;
                current = "";
            }
            current = current.Length == 0 ? part : current + "\n\n" + part;
        }
        if (current.Length > 0)
            yield return current;
    }
}
