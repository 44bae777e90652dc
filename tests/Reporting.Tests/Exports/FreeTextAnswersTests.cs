using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class FreeTextAnswersTests
{
    private const string Comment = "Ông/bà có ý kiến, kiến nghị gì khác không? (không bắt buộc)";

    [Fact]
    public void Lists_each_non_blank_comment_with_its_commune_and_question_in_commune_order()
    {
        var table = FreeTextAnswers.Build(Communes, Questions, Responses, SurveyDays);

        Assert.Equal(["Mã xã", "Tên xã, phường, thị trấn", "Ngày gửi", "Mã câu hỏi", "Câu hỏi", "Ý kiến, kiến nghị"], table.Headers);
        AssertRows(
            table,
            ["X01", "Xã Tân Lập", "12/06/2024", "comment", Comment, "Cán bộ nhiệt tình, hướng dẫn \"rất\" chu đáo."],
            ["X02", "Xã Đông Hòa", "13/06/2024", "comment", Comment, "Cần thêm ghế ngồi chờ,\nnhất là cho người cao tuổi"]);
    }

    [Fact]
    public void Comments_outside_the_filter_are_left_out()
    {
        var table = FreeTextAnswers.Build(Communes, Questions, Responses, new ExportFilter(June12, June14, ["X02", "TT01"]));

        AssertRows(table, ["X02", "Xã Đông Hòa", "13/06/2024", "comment", Comment, "Cần thêm ghế ngồi chờ,\nnhất là cho người cao tuổi"]);
    }
}
