using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class AnswerTalliesTests
{
    private static readonly Table Tallies = AnswerTallies.Build(Communes, Questions, Responses, SurveyDays);

    private static string[] Row(string scope, string question, string option) =>
        Texts(Tallies).Single(row => row[1] == scope && row[2] == question && row[4] == option);

    [Fact]
    public void Each_option_is_counted_against_the_respondents_who_answered_that_question_in_that_commune()
    {
        Assert.Equal(["X01", "Xã Tân Lập", "sex", "Giới tính của ông/bà?", "Nam", "2", "66.7", "3"], Row("Xã Tân Lập", "sex", "Nam"));
        Assert.Equal(["X01", "Xã Tân Lập", "sex", "Giới tính của ông/bà?", "Nữ", "1", "33.3", "3"], Row("Xã Tân Lập", "sex", "Nữ"));
    }

    [Fact]
    public void A_show_if_question_is_a_share_of_those_asked_not_of_all_respondents()
    {
        // Only r1 and r3 knew the chairman and were asked; r2 was not.
        Assert.Equal(["1", "50.0", "2"], Row("Xã Tân Lập", "receive", "Rất hài lòng")[5..]);
        Assert.Equal(["1", "50.0", "2"], Row("Xã Tân Lập", "receive", "Hài lòng")[5..]);
        Assert.Equal(["0", "0.0", "2"], Row("Xã Tân Lập", "receive", "Bình thường")[5..]);
    }

    [Fact]
    public void Multi_choice_counts_every_option_chosen_so_shares_may_pass_100_percent()
    {
        Assert.Equal(["2", "66.7", "3"], Row("Xã Tân Lập", "field", "Đất đai")[5..]);
        Assert.Equal(["1", "33.3", "3"], Row("Xã Tân Lập", "field", "Chứng thực")[5..]);
        Assert.Equal(["1", "33.3", "3"], Row("Xã Tân Lập", "field", "Hộ tịch")[5..]);
    }

    [Fact]
    public void A_question_nobody_in_the_commune_answered_has_zero_counts_and_no_percentage()
    {
        Assert.Equal(["0", "", "0"], Row("Xã Đông Hòa", "receive", "Rất hài lòng")[5..]);
    }

    [Fact]
    public void The_all_communes_block_comes_last_and_pools_every_filtered_response()
    {
        Assert.Equal(["", "Toàn huyện", "sex", "Giới tính của ông/bà?", "Nam", "2", "50.0", "4"], Row("Toàn huyện", "sex", "Nam"));
        Assert.Equal(["2", "50.0", "4"], Row("Toàn huyện", "knows", "Không")[5..]);
        Assert.Equal(["2", "50.0", "4"], Row("Toàn huyện", "field", "Chứng thực")[5..]);
        Assert.Equal(["1", "50.0", "2"], Row("Toàn huyện", "receive", "Hài lòng")[5..]);
        // Ten options in all (2 + 2 + 3 + 3), so the last ten rows are the district block.
        Assert.All(Texts(Tallies)[^10..], row => Assert.Equal("Toàn huyện", row[1]));
    }

    [Fact]
    public void Blocks_follow_the_survey_file_order_and_skip_communes_without_responses_in_range()
    {
        var scopes = Texts(Tallies)[1..].Select(row => row[1]).Distinct();

        Assert.Equal(["Xã Tân Lập", "Xã Đông Hòa", "Toàn huyện"], scopes);
    }

    [Fact]
    public void Only_single_and_multi_questions_are_tallied()
    {
        var questions = Texts(Tallies)[1..].Select(row => row[2]).Distinct();

        Assert.Equal(["sex", "knows", "field", "receive"], questions);
    }

    [Fact]
    public void Percent_has_one_decimal_rounded_half_away_from_zero_with_a_decimal_point()
    {
        Assert.Equal("33.3", AnswerTallies.Percent(1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("66.7", AnswerTallies.Percent(2, 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("50.0", AnswerTallies.Percent(1, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("6.3", AnswerTallies.Percent(1, 16).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("100.0", AnswerTallies.Percent(7, 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
