using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class ResponseSheetTests
{
    [Fact]
    public void Has_one_column_per_survey_question_between_the_response_facts_and_the_quality_flags()
    {
        var table = ResponseSheet.Build(Communes, Questions, Responses, SurveyDays);

        string[] headers =
        [
            "Mã phiếu", "Mã xã", "Tên xã, phường, thị trấn", "Thời điểm gửi (giờ Việt Nam)", "Thời gian trả lời (giây)",
            "[sex] Giới tính của ông/bà?",
            "[knows] Ông/bà có biết Chủ tịch UBND xã không?",
            "[field] Hôm nay ông/bà đến làm thủ tục về lĩnh vực nào?",
            "[receive] Ông/bà đánh giá thế nào về việc Chủ tịch UBND xã tiếp công dân, đối thoại với nhân dân?",
            "[visits] Năm nay ông/bà đến bộ phận một cửa mấy lần?",
            "[comment] Ông/bà có ý kiến, kiến nghị gì khác không? (không bắt buộc)",
            "Dấu hiệu cần kiểm tra",
        ];
        Assert.Equal(headers, table.Headers);
    }

    [Fact]
    public void Rows_show_option_texts_Vietnam_time_and_duration_in_submission_order()
    {
        var table = ResponseSheet.Build(Communes, Questions, Responses, SurveyDays);

        AssertRows(
            table,
            ["r1", "X01", "Xã Tân Lập", "12/06/2024 09:15:00", "95", "Nam", "Có", "Đất đai; Chứng thực", "Rất hài lòng", "3",
                "Cán bộ nhiệt tình, hướng dẫn \"rất\" chu đáo.", "Trả lời quá nhanh"],
            ["r2", "X01", "Xã Tân Lập", "12/06/2024 10:00:00", "140", "Nữ", "Không", "Đất đai", "", "", "", ""],
            ["r3", "X01", "Xã Tân Lập", "13/06/2024 11:30:00", "120", "Nam", "Có", "Hộ tịch", "Hài lòng", "", "", ""],
            ["r4", "X02", "Xã Đông Hòa", "13/06/2024 15:45:30", "200", "Nữ", "Không", "Chứng thực", "", "",
                "Cần thêm ghế ngồi chờ,\nnhất là cho người cao tuổi", ""]);
    }

    [Fact]
    public void A_number_answer_is_a_number_cell()
    {
        var table = ResponseSheet.Build(Communes, Questions, Responses, SurveyDays);

        Assert.Equal(3m, table.Rows[0][9].Number);
    }

    [Fact]
    public void An_option_id_the_survey_no_longer_lists_is_shown_as_stored()
    {
        var response = Response("r9", "X01", "2024-06-12T05:00:00Z", 60, new() { ["sex"] = ["other"] });

        var table = ResponseSheet.Build(Communes, Questions, [response], SurveyDays);

        Assert.Equal("other", table.Rows[0][5].Text);
    }

    [Fact]
    public void Answers_to_keys_that_are_not_survey_questions_never_reach_the_export()
    {
        var response = Response("r9", "X01", "2024-06-12T05:00:00Z", 60,
            new() { ["sex"] = ["m"], ["zalo_user_id"] = ["84901234567"], ["phone"] = ["0912 345 678"] });

        var table = ResponseSheet.Build(Communes, Questions, [response], SurveyDays);

        var everything = string.Join("|", Texts(table).SelectMany(row => row));
        Assert.DoesNotContain("84901234567", everything);
        Assert.DoesNotContain("0912 345 678", everything);
        Assert.DoesNotContain("zalo_user_id", everything);
        Assert.Equal(Questions.Count + 6, table.Headers.Count);
    }
}
