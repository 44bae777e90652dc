using System.Text.RegularExpressions;
using Reporting.Digest;
using Reporting.Quota;

namespace Reporting.Tests.Digest;

public sealed partial class DigestLengthTests
{
    private static readonly DateOnly Today = new(2024, 6, 13);

    private static Commune[] LongNamed(int count) => Enumerable.Range(1, count)
        .Select(i => i == count
            ? new Commune("TT01", "Thị trấn Nông Trường Mộc Châu Phía Nam")
            : new Commune($"X{i:00}", $"Xã Thạnh Phú Đông Nam Bộ Số {i:00}"))
        .ToArray();

    private static IReadOnlyList<string> Messages(Commune[] communes, Func<Commune, int, CommuneDay?> dayOf) =>
        DigestBuilder.BuildMessages(new DigestInput(
            "PKS02",
            Today,
            IsFinal: false,
            communes,
            communes.Select(dayOf).OfType<CommuneDay>().ToList(),
            new QuotaOptions(),
            RegisteredVolunteers: communes.Where((_, i) => i % 7 != 6).ToDictionary(c => c.Code, _ => 1)));

    private static CommuneDay Day(Commune c, int? visitors, int respondents, int photos) =>
        new(c.Code, Today, visitors, respondents, photos, OnDuty: []);

    // Five kinds of day in turn: on target, below, silent, over with more answers than visitors,
    // on target at a crowded desk without photos. Every seventh commune has nobody registered.
    private static CommuneDay? MixedDay(Commune c, int index) => (index % 5) switch
    {
        0 => Day(c, 30, 20, 2),
        1 => Day(c, 30, 9, 1),
        2 => null,
        3 => Day(c, 12, 40, 1),
        _ => Day(c, 44, 25, 0),
    };

    [GeneratedRegex(@"^(?<label>[^:]+): (\d+|–)/\d+( \d+%)? \S.* · LK \d+ · 📷\d+$")]
    private static partial Regex CommuneLine();

    [GeneratedRegex(@"^📊 Tiến độ khảo sát PKS02 — ngày 13/06/2024 \(phần (?<part>\d+)/(?<of>\d+)\)$")]
    private static partial Regex PartLine();

    private static List<string> Lines(IEnumerable<string> messages) => messages.SelectMany(m => m.Split('\n')).ToList();

    /// <summary>The lines under every heading that starts so, wherever the section was split.</summary>
    private static List<string> Section(IReadOnlyList<string> messages, string heading) =>
        messages.SelectMany(message => message.Split('\n')
                .SkipWhile(line => !line.StartsWith(heading, StringComparison.Ordinal))
                .Skip(1)
                .TakeWhile(line => line.Length > 0))
            .ToList();

    private static void AssertEveryMessageFitsZalo(IReadOnlyList<string> messages) =>
        Assert.All(messages, m => Assert.InRange(m.Length, 1, DigestBuilder.MaxLength));

    private static void AssertEveryCommuneHasOneWholeLine(IReadOnlyList<string> messages, Commune[] communes)
    {
        var lines = Section(messages, "📋");
        Assert.Equal(communes.Length, lines.Count);
        foreach (var (commune, line) in communes.Zip(lines))
        {
            var match = CommuneLine().Match(line);
            Assert.True(match.Success, $"not a whole commune line: {line}");
            Assert.Equal(commune.Label(), match.Groups["label"].Value);
        }
    }

    [Theory]
    [InlineData(25)]
    [InlineData(60)]
    public void Mixed_day_is_split_into_messages_Zalo_accepts_with_every_commune_line_whole(int count)
    {
        var communes = LongNamed(count);

        var messages = Messages(communes, MixedDay);

        Assert.True(messages.Count >= 2, $"{count} long-named communes should not fit one message");
        AssertEveryMessageFitsZalo(messages);
        AssertEveryCommuneHasOneWholeLine(messages, communes);
    }

    [Theory]
    [InlineData(25)]
    [InlineData(60)]
    public void Every_part_says_which_part_of_the_digest_it_is(int count)
    {
        var messages = Messages(LongNamed(count), MixedDay);

        var parts = messages.Select(m => PartLine().Match(m.Split('\n')[0])).ToList();
        Assert.All(parts, p => Assert.True(p.Success));
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => $"{i}/{messages.Count}"), parts.Select(p => $"{p.Groups["part"]}/{p.Groups["of"]}"));
    }

    [Fact]
    public void Sections_that_fit_a_message_are_not_split()
    {
        var messages = Messages(LongNamed(25), MixedDay);

        // the attention list (21 communes) fits the first message; the commune list, too long to
        // follow it, starts a message of its own rather than being cut in two
        Assert.Contains("⚠️ Cần chú ý", messages[0]);
        Assert.DoesNotContain("📋", messages[0]);
        var list = Assert.Single(messages, m => m.Contains("📋", StringComparison.Ordinal));
        Assert.StartsWith("📋 Từng xã (lượt đến/phiếu", list.Split('\n')[1]);
        Assert.DoesNotContain("(tiếp)", string.Join('\n', messages));
    }

    [Fact]
    public void A_section_longer_than_a_message_goes_on_under_its_continued_heading()
    {
        var communes = LongNamed(60);

        var messages = Messages(communes, MixedDay);

        Assert.Contains(messages, m => m.Contains("\n📋 Từng xã (tiếp):\n", StringComparison.Ordinal));
        var attention = Section(messages, "⚠️").Concat(Section(messages, "⚠️ Cần chú ý (tiếp)")).Distinct().ToList();
        var flagged = communes.Where((_, i) => i % 5 != 0 || i % 7 == 6).ToList();
        Assert.Equal(flagged.Count, attention.Count);
        Assert.All(flagged, c => Assert.Single(attention, line => line.StartsWith($"• {c.Label()}: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Attention_list_puts_the_most_basic_problem_first()
    {
        var communes = LongNamed(25);
        var registered = communes.Where((_, i) => i % 7 != 6).ToList();

        var order = Section(Messages(communes, MixedDay), "⚠️").Select(line => line[2..line.IndexOf(':')]).ToList();

        // nobody registered (the one with most problems first), then silent, then only missing photos,
        // then below, then more answers than visitors
        var unstaffed = communes.Where((_, i) => i % 7 == 6).Select(c => c.Label()).ToList();
        Assert.Equal(unstaffed.Order(), order.Take(unstaffed.Count).Order());
        Assert.Equal("X14 Thạnh Phú Đông Nam Bộ Số 14", order[0]); // also over the band with more answers than visitors
        int[] kindOrder = [2, 4, 1, 3];
        var expected = kindOrder.SelectMany(kind => registered.Where(c => Array.IndexOf(communes, c) % 5 == kind));
        Assert.Equal(expected.Select(c => c.Label()), order.Skip(unstaffed.Count));
    }

    [Fact]
    public void A_digest_that_fits_is_one_message_without_part_numbers()
    {
        var communes = Enumerable.Range(1, 25).Select(i => new Commune($"X{i:00}", $"Xã Tân An {i:00}")).ToArray();
        var input = new DigestInput("PKS02", Today, false, communes, communes.Select(c => Day(c, 30, 20, 2)).ToList(), new QuotaOptions());

        var message = Assert.Single(DigestBuilder.BuildMessages(input));

        Assert.InRange(message.Length, 1, DigestBuilder.MaxLength);
        Assert.DoesNotContain("phần", message);
        Assert.Contains("\nX07 Tân An 07: 30/20 67% Đạt · LK 20 · 📷2", message);
        Assert.Equal(message, DigestBuilder.Build(input));
    }

    [Theory]
    [InlineData(0, 999, 0)] // nobody came, hundreds of answers, no photos: every flag at once
    [InlineData(null, 999, 0)] // nothing reported, longest status label
    [InlineData(999, 1, 0)] // crowded desk far below
    public void Every_commune_in_trouble_still_reaches_the_group_in_whole_lines(int? visitors, int respondents, int photos)
    {
        var communes = LongNamed(60);

        var messages = Messages(communes, (c, _) => Day(c, visitors, respondents, photos));

        AssertEveryMessageFitsZalo(messages);
        AssertEveryCommuneHasOneWholeLine(messages, communes);
        var attention = Lines(messages).Where(line => line.StartsWith("• ", StringComparison.Ordinal)).ToList();
        Assert.All(communes, c => Assert.Contains(attention, line => line.StartsWith($"• {c.Label()}: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_joins_the_parts_so_nothing_is_lost()
    {
        var communes = LongNamed(60);
        var input = new DigestInput("PKS02", Today, false, communes, communes.Select(MixedDay).OfType<CommuneDay>().ToList(), new QuotaOptions());

        Assert.Equal(string.Join("\n\n", DigestBuilder.BuildMessages(input)), DigestBuilder.Build(input));
    }
}
