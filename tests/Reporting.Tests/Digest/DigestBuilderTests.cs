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
            • TT01 Phú Mỹ: Chưa báo cáo số lượt · Chưa gửi ảnh
            • X02 Bình An: Phiếu nhiều hơn lượt đến (20 > 12) · Vượt mức (tối đa 18)

            📋 Từng xã (lượt đến/phiếu, tỉ lệ, kết quả, lũy kế, ảnh):
            X01 Tân Lập: 30/18 60% Đạt · LK 34 · 📷2
            X02 Bình An: 12/20 167% Vượt mức (tối đa 18) · LK 30 · 📷1
            TT01 Phú Mỹ: –/9 Chưa báo cáo số lượt · LK 31 · 📷0
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
            • X02 Bình An: Phiếu nhiều hơn lượt đến (30 > 22)

            📋 Cả đợt, từng xã (lượt đến/phiếu các ngày có báo cáo, tỉ lệ, kết quả, lũy kế, ảnh):
            X01 Tân Lập: 58/34 59% Đạt · LK 34 · 📷5
            X02 Bình An: 22/30 136% Đạt · LK 30 · 📷2
            TT01 Phú Mỹ: 70/34 49% Đạt · LK 43 · 📷3
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Commune_without_any_row_today_is_not_reported_and_has_no_photos()
    {
        var text = DigestBuilder.Build(Input(June13, TwoDays.Where(d => !(d.CommuneCode == "X01" && d.Date == June13)).ToList()));

        Assert.Contains("• X01 Tân Lập: Chưa báo cáo số lượt · Chưa gửi ảnh", text);
        Assert.Contains("\nX01 Tân Lập: –/0 Chưa báo cáo số lượt · LK 16 · 📷0", text);
    }

    [Fact]
    public void Below_target_says_how_many_answers_are_needed()
    {
        var text = DigestBuilder.Build(Input(June12, [Day("X01", June12, 40, 12, 1)]));

        Assert.Contains("• X01 Tân Lập: Thiếu phiếu (cần ≥20 phiếu)", text);
        Assert.Contains("\nX01 Tân Lập: 40/12 30% Thiếu phiếu (cần ≥20 phiếu) · LK 12 · 📷1", text);
    }

    [Fact]
    public void Below_target_at_a_crowded_desk_says_the_crowded_minimum_applies()
    {
        var text = DigestBuilder.Build(Input(June12, [Day("X01", June12, 90, 15, 1)]));

        Assert.Contains("• X01 Tân Lập: Thiếu phiếu (đông người: cần ≥20)", text);
        Assert.Contains("\nX01 Tân Lập: 90/15 17% Thiếu phiếu (đông người: cần ≥20) · LK 15 · 📷1", text);
    }

    [Fact]
    public void A_day_too_quiet_for_any_band_says_so_instead_of_quoting_an_impossible_minimum()
    {
        // four visitors: at most 6 answers, at least 10 needed
        var text = DigestBuilder.Build(Input(June12, [Day("X01", June12, 4, 3, 1)]));

        Assert.Contains("\nX01 Tân Lập: 4/3 75% Ít người đến, chưa xét chỉ tiêu (cần ≥7 lượt) · LK 3 · 📷1", text);
        Assert.DoesNotContain("cần ≥10", text);
        Assert.DoesNotContain("• X01", text);
    }

    [Fact]
    public void A_quiet_day_with_more_answers_than_visitors_still_needs_checking()
    {
        var text = DigestBuilder.Build(Input(June12, [Day("X01", June12, 4, 6, 1)]));

        Assert.Contains("• X01 Tân Lập: Phiếu nhiều hơn lượt đến (6 > 4)\n", text);
        Assert.Contains("\nX01 Tân Lập: 4/6 150% Ít người đến, chưa xét chỉ tiêu (cần ≥7 lượt)", text);
    }

    [Fact]
    public void Crowded_desks_are_listed_for_more_helpers_whatever_their_verdict()
    {
        var text = DigestBuilder.Build(Input(June12, [Day("X01", June12, 52, 30, 1), Day("X02", June12, 40, 20, 1), Day("TT01", June12, 61, 10, 1)]));

        Assert.Contains(
            """
            🙋 Đông người — cần tăng cường người hỗ trợ:
            • X01 Tân Lập: 52 lượt đến
            • TT01 Phú Mỹ: 61 lượt đến
            """.ReplaceLineEndings("\n"),
            text);
        Assert.DoesNotContain("• X02 Bình An: 40 lượt đến", text);
    }

    [Fact]
    public void The_final_report_asks_for_no_more_helpers()
    {
        var text = DigestBuilder.Build(Input(June13, [Day("X01", June12, 52, 30, 1)], isFinal: true));

        Assert.DoesNotContain("Đông người", text);
    }

    [Fact]
    public void A_commune_nobody_registered_for_comes_first_in_the_attention_list()
    {
        var days = ThreeCommunes.Select(c => Day(c.Code, June12, 20, 15, c.Code == "X01" ? 0 : 2)).ToList();
        var registered = new Dictionary<string, int> { ["X01"] = 2, ["X02"] = 0 };

        var text = DigestBuilder.Build(Input(June12, days) with { RegisteredVolunteers = registered });

        Assert.Contains(
            """
            ⚠️ Cần chú ý (3/3 xã):
            • X02 Bình An: Chưa có người đăng ký
            • TT01 Phú Mỹ: Chưa có người đăng ký
            • X01 Tân Lập: Chưa gửi ảnh
            """.ReplaceLineEndings("\n"),
            text);
        Assert.Contains("🙋 Có người đăng ký hỗ trợ: 1/3 xã", text);
    }

    [Fact]
    public void Without_a_registration_count_the_digest_says_nothing_about_registration()
    {
        var days = ThreeCommunes.Select(c => Day(c.Code, June12, 20, 15, 2)).ToList();

        var text = DigestBuilder.Build(Input(June12, days));

        Assert.DoesNotContain("đăng ký", text);
    }

    [Fact]
    public void Attention_list_orders_communes_by_what_must_be_done_first()
    {
        Commune[] communes = [new("X01", "Xã Một"), new("X02", "Xã Hai"), new("X03", "Xã Ba"), new("X04", "Xã Bốn"), new("X05", "Xã Năm")];
        CommuneDay[] days =
        [
            Day("X01", June12, 12, 20, 1), // more answers than visitors, over the band
            Day("X02", June12, 30, 9, 1), // too few answers
            Day("X03", June12, 30, 20, 0), // no photos
            Day("X04", June12, null, 5, 1), // no count
            Day("X05", June12, 30, 20, 1), // fine, but nobody registered
        ];
        var input = Input(June12, days) with
        {
            Communes = communes,
            RegisteredVolunteers = new Dictionary<string, int> { ["X01"] = 1, ["X02"] = 1, ["X03"] = 1, ["X04"] = 1 },
        };

        var attention = DigestBuilder.Build(input).Split('\n').Where(line => line.StartsWith("• ", StringComparison.Ordinal));

        Assert.Equal(
            [
                "• X05 Năm: Chưa có người đăng ký",
                "• X04 Bốn: Chưa báo cáo số lượt",
                "• X03 Ba: Chưa gửi ảnh",
                "• X02 Hai: Thiếu phiếu (cần ≥15 phiếu)",
                "• X01 Một: Phiếu nhiều hơn lượt đến (20 > 12) · Vượt mức (tối đa 18)",
            ],
            attention);
    }

    [Fact]
    public void Chart_bars_name_each_commune_with_its_code()
    {
        var bars = DigestBuilder.ChartBars(Input(June13, TwoDays));

        Assert.Equal(["X01 Tân Lập", "X02 Bình An", "TT01 Phú Mỹ"], bars.Select(b => b.Label));
        Assert.Equal(QuotaStatus.Above, bars[1].Quota.Status);
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
        Assert.Contains("X01 Tân Lập: 20/15 75% Đạt", text);
    }
}
