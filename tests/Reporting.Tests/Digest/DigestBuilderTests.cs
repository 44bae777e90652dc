using Reporting.Digest;
using Reporting.Quota;

namespace Reporting.Tests.Digest;

public sealed class DigestBuilderTests
{
    private static readonly DateOnly June12 = new(2024, 6, 12);
    private static readonly DateOnly June13 = new(2024, 6, 13);
    private static readonly DateOnly June14 = new(2024, 6, 14);

    private static readonly Commune[] ThreeCommunes =
    [
        new("X01", "Xã Tân Lập"),
        new("X02", "Xã Bình An"),
        new("TT01", "Thị trấn Phú Mỹ"),
    ];

    private static CommuneDay Day(string code, DateOnly date, int? visitors, int respondents, int photos) =>
        new(code, date, visitors, respondents, photos, OnDuty: []);

    // X01 on target, X02 above the band with more answers than visitors, TT01 silent today.
    private static readonly CommuneDay[] TwoDays =
    [
        Day("X01", June12, 28, 16, 3),
        Day("X02", June12, 10, 10, 1),
        Day("TT01", June12, 50, 22, 2),
        Day("X01", June13, 30, 18, 2),
        Day("X02", June13, 12, 20, 1),
        Day("TT01", June13, null, 9, 0),
    ];

    private static DigestInput Input(DateOnly date, IReadOnlyList<CommuneDay> days, bool isFinal = false) =>
        new("PKS02", date, isFinal, ThreeCommunes, days, new QuotaOptions());

    [Fact]
    public void Daily_digest_for_three_communes_reads_exactly_so()
    {
        var text = DigestBuilder.Build(Input(June13, TwoDays));

        Assert.Equal(
            """
            📊 Tiến độ khảo sát PKS02 — ngày 13/06/2024
            📝 Phiếu hôm nay 47 · Lũy kế 95
            👥 2/3 xã báo cáo: 42 lượt đến, 38 phiếu (90%)
            ✅ Đạt 1/3 xã · 📷 3 ảnh

            ⚠️ Cần chú ý (2/3 xã):
            • Xã Bình An: Phiếu nhiều hơn lượt đến · Vượt mức (tối đa 18)
            • Thị trấn Phú Mỹ: Chưa báo cáo số lượt · Chưa gửi ảnh

            📋 Từng xã (lượt đến/phiếu, tỉ lệ, kết quả, lũy kế, ảnh):
            Xã Tân Lập: 30/18 60% Đạt · LK 34 · 📷2
            Xã Bình An: 12/20 167% Vượt mức · LK 30 · 📷1
            Thị trấn Phú Mỹ: –/9 Chưa báo cáo số lượt · LK 31 · 📷0
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Final_report_judges_each_commune_over_the_whole_survey()
    {
        // X02 is over the band on 13/06 but within it over the survey, still with more answers
        // than visitors; TT01's unreported day counts in its total (LK) but not in its verdict.
        var text = DigestBuilder.Build(Input(June14.AddDays(1), [.. TwoDays, Day("TT01", June14, 20, 12, 1)], isFinal: true));

        Assert.Equal(
            """
            🏁 BÁO CÁO CUỐI khảo sát PKS02 — ngày 15/06/2024
            Cả đợt: 12/06/2024 – 14/06/2024
            📝 Tổng phiếu 107
            👥 3/3 xã báo cáo: 150 lượt đến, 98 phiếu (65%)
            ✅ Đạt 3/3 xã · 📷 10 ảnh

            ⚠️ Cần chú ý (1/3 xã):
            • Xã Bình An: Phiếu nhiều hơn lượt đến

            📋 Cả đợt, từng xã (lượt đến/phiếu các ngày có báo cáo, tỉ lệ, kết quả, lũy kế, ảnh):
            Xã Tân Lập: 58/34 59% Đạt · LK 34 · 📷5
            Xã Bình An: 22/30 136% Đạt · LK 30 · 📷2
            Thị trấn Phú Mỹ: 70/34 49% Đạt · LK 43 · 📷3
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Commune_without_any_row_today_is_not_reported_and_has_no_photos()
    {
        var text = DigestBuilder.Build(Input(June13, TwoDays.Where(d => !(d.CommuneCode == "X01" && d.Date == June13)).ToList()));

        Assert.Contains("• Xã Tân Lập: Chưa báo cáo số lượt · Chưa gửi ảnh", text);
        Assert.Contains("Xã Tân Lập: –/0 Chưa báo cáo số lượt · LK 16 · 📷0", text);
    }

    [Fact]
    public void Below_target_says_how_many_answers_are_needed()
    {
        var text = DigestBuilder.Build(Input(June12, [Day("X01", June12, 40, 12, 1)]));

        Assert.Contains("• Xã Tân Lập: Thiếu phiếu (cần ≥20)", text);
    }

    [Fact]
    public void Quiet_day_says_no_commune_needs_attention()
    {
        var days = ThreeCommunes.Select(c => Day(c.Code, June12, 20, 15, 2)).ToList();

        var text = DigestBuilder.Build(Input(June12, days));

        Assert.Contains("✅ Không có xã cần chú ý.", text);
        Assert.DoesNotContain("Cần chú ý", text);
    }

    [Fact]
    public void Rows_after_the_digest_day_are_ignored()
    {
        var withTomorrow = DigestBuilder.Build(Input(June13, [.. TwoDays, Day("X01", June14, 30, 30, 3)]));

        Assert.Equal(DigestBuilder.Build(Input(June13, TwoDays)), withTomorrow);
    }

    [Fact]
    public void Decomposed_names_come_out_composed()
    {
        var nfd = new Commune("X01", "Xã Tân Lập".Normalize(System.Text.NormalizationForm.FormD));
        var input = Input(June12, [Day("X01", June12, 20, 15, 2)]) with { Communes = [nfd] };

        var text = DigestBuilder.Build(input);

        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Contains("Xã Tân Lập: 20/15 75% Đạt", text);
    }
}
