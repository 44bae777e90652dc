using System.Text;

namespace Reporting.Digest;

/// <summary>
/// A block of the digest: a heading line and the lines under it. <paramref name="ContinuedHeading"/>
/// heads the rest of the block when it has to go on in the next message.
/// </summary>
internal sealed record Section(string Heading, string ContinuedHeading, IReadOnlyList<string> Lines)
{
    /// <summary>A block whose first line is its heading and that never needs continuing.</summary>
    public static Section Of(IReadOnlyList<string> lines) => new(lines[0], lines[0], [.. lines.Skip(1)]);
}

/// <summary>Packs the digest's blocks into messages of a bounded length, between lines only.</summary>
internal static class MessageSplitter
{
    /// <summary>
    /// Each message is a list of lines; blocks are parted by a blank line. A block goes whole into
    /// the current message if it fits, else whole into a new one, and only a block longer than a
    /// message is split, its rest under its continued heading. A single line longer than
    /// <paramref name="budget"/> is kept whole in a message of its own.
    /// </summary>
    public static List<List<string>> Split(IEnumerable<Section> sections, int budget)
    {
        var messages = new List<List<string>>();
        var current = new List<string>();
        foreach (var section in sections.Select(Composed))
        {
            List<string> block = [section.Heading, .. section.Lines];
            if (Length([.. current, .. Separated(current, block)]) <= budget)
            {
                current.AddRange(Separated(current, block));
                continue;
            }

            Flush(messages, ref current);
            if (Length(block) <= budget)
            {
                current = block;
                continue;
            }

            current = [section.Heading];
            foreach (var line in section.Lines)
            {
                if (Length(current) + 1 + line.Length > budget && current.Count > 1)
                {
                    Flush(messages, ref current);
                    current = [section.ContinuedHeading];
                }

                current.Add(line);
            }
        }

        Flush(messages, ref current);
        return messages;
    }

    private static List<string> Separated(List<string> current, List<string> block) => current.Count == 0 ? block : ["", .. block];

    private static int Length(List<string> lines) => lines.Sum(l => l.Length) + Math.Max(lines.Count - 1, 0);

    private static void Flush(List<List<string>> messages, ref List<string> current)
    {
        if (current.Count > 0)
        {
            messages.Add(current);
        }

        current = [];
    }

    private static Section Composed(Section s) => new(
        s.Heading.Normalize(NormalizationForm.FormC),
        s.ContinuedHeading.Normalize(NormalizationForm.FormC),
        [.. s.Lines.Select(l => l.Normalize(NormalizationForm.FormC))]);
}
