using System.Text.RegularExpressions;
using Reporting.Digest;
using Reporting.Quota;

namespace Reporting.Tests.Digest;

public sealed partial class DigestLengthTests
{
    private static readonly DateOnly Today = new(2024, 6, 13);

    private static readonly Commune[] LongNamed = Enumerable.Range(1, 25)
        .Select(i => i == 25
            ? new Commune("TT01", "Thị trấn Nông Trường Mộc Châu Phía Nam")
            : new Commune($"X{i:00}", $"Xã Thạnh Phú Đông Nam Bộ Số {i:00}"))
        .ToArray();

    private static string Build(Func<Commune, int, CommuneDay?> dayOf) =>
        DigestBuilder.Build(new DigestInput(
            "PKS02",
            Today,
            IsFinal: false,
            LongNamed,
            LongNamed.Select(dayOf).OfType<CommuneDay>().ToList(),
            new QuotaOptions()));

    private static CommuneDay Day(Commune c, int? visitors, int respondents, int photos) =>
        new(c.Code, Today, visitors, respondents, photos, OnDuty: []);

    // Five kinds of day in turn: on target, below, silent, over with more answers than visitors,
    // on target without photos.
    private static CommuneDay? MixedDay(Commune c, int index) => (index % 5) switch
    {
        0 => Day(c, 30, 20, 2),
        1 => Day(c, 30, 9, 1),
        2 => null,
        3 => Day(c, 12, 40, 1),
        _ => Day(c, 44, 25, 0),
    };

    [GeneratedRegex(@"^(?<label>[^:]+): (\d+|–)/\d+( \d+%)? (Đạt|Thiếu phiếu|Vượt mức|Chưa báo cáo số lượt) · LK \d+ · 📷\d+$")]
    private static partial Regex CommuneLine();

    private static List<string> Section(string text, string heading) =>
        text.Split('\n')
            .SkipWhile(line => !line.StartsWith(heading, StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => line.Length > 0)
            .ToList();

    private static void AssertEveryCommuneHasOneWholeLine(string text)
    {
        var lines = Section(text, "📋");
        Assert.Equal(LongNamed.Length, lines.Count);
        foreach (var (commune, line) in LongNamed.Zip(lines))
        {
            var match = CommuneLine().Match(line);
            Assert.True(match.Success, $"not a whole commune line: {line}");
            Assert.Contains(match.Groups["label"].Value, new[] { commune.Code, commune.Name });
        }
    }

    [Fact]
    public void Mixed_day_for_25_long_named_communes_fits_one_Zalo_message()
    {
        var text = Build(MixedDay);

        Assert.InRange(text.Length, 1, DigestBuilder.MaxLength);
        AssertEveryCommuneHasOneWholeLine(text);
    }

    [Fact]
    public void Attention_list_puts_the_worst_communes_first()
    {
        var text = Build(MixedDay);

        var order = Section(text, "⚠️").Select(line => line[2..line.IndexOf(':')]).ToList();
        // suspicious and over, then silent, then below, then only missing photos
        var expected = new[] { 3, 2, 1, 4 }
            .SelectMany(kind => LongNamed.Where((_, i) => i % 5 == kind))
            .Select(c => c.Code);
        Assert.Equal(expected, order);
    }

    [Fact]
    public void Long_names_leave_the_commune_list_before_the_attention_list()
    {
        // eight communes need attention: with every name the text is too long, with names only
        // in the attention list it fits
        var text = Build((c, i) => Day(c, 30, i < 8 ? 9 : 20, 2));

        Assert.InRange(text.Length, 1, DigestBuilder.MaxLength);
        Assert.Contains($"• {LongNamed[0].Name}: Thiếu phiếu (cần ≥15)", text);
        Assert.All(Section(text, "📋").Zip(LongNamed), x => Assert.StartsWith(x.Second.Code + ": ", x.First));
    }

    [Fact]
    public void Names_stay_when_the_text_fits()
    {
        var text = Build((c, _) => Day(c, 30, 20, 2));

        Assert.InRange(text.Length, 1, DigestBuilder.MaxLength);
        Assert.All(Section(text, "📋").Zip(LongNamed), x => Assert.StartsWith(x.Second.Name + ": ", x.First));
    }

    [Theory]
    [InlineData(0, 999, 0)] // nobody came, hundreds of answers, no photos: every flag at once
    [InlineData(null, 999, 0)] // nothing reported, longest status label
    [InlineData(999, 1, 0)] // crowded desk far below
    public void Every_commune_in_trouble_still_fits_one_Zalo_message(int? visitors, int respondents, int photos)
    {
        var text = Build((c, _) => Day(c, visitors, respondents, photos));

        Assert.InRange(text.Length, 1, DigestBuilder.MaxLength);
        AssertEveryCommuneHasOneWholeLine(text);
        var attention = string.Join('\n', Section(text, "⚠️"));
        Assert.All(LongNamed, c => Assert.Contains(c.Code, attention));
    }
}
