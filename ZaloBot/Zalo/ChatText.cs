namespace ZaloBot.Zalo;

/// <summary>Shapes text for Zalo chat messages (at most 2,000 characters each).</summary>
public static class ChatText
{
    public const int MaxLength = 2000;

    /// <summary>Joins the parts of one answer into as few messages as fit, never splitting a part.</summary>
    public static IEnumerable<string> Join(IEnumerable<string> parts)
    {
        var current = "";
        foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (current.Length > 0 && current.Length + 2 + part.Length > MaxLength)
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
