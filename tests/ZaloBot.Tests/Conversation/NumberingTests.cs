using System.Text.RegularExpressions;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

/// <summary>"Câu N/M" counts the questions this citizen is asked, so a skipped block leaves no gap.</summary>
public sealed partial class NumberingTests
{
    private static string Numbering(Chat chat) => QuestionNumber().Match(chat.Replies[^1]).Value;

    private static List<string> NumbersSeen(params string[] answers)
    {
        var chat = new Chat().Start("X07");
        var seen = new List<string> { Numbering(chat) };
        foreach (var answer in answers)
        {
            chat.Send(answer);
            if (chat.State?.Phase == ConversationPhase.Answering)
            {
                seen.Add(Numbering(chat));
            }
        }
        return seen;
    }

    [Fact]
    public void Not_knowing_the_chairman_numbers_the_seven_questions_asked_without_a_gap()
    {
        var seen = NumbersSeen("1", "1", "1", "2", "2", "2");

        Assert.Equal(["Câu 1/11", "Câu 2/11", "Câu 3/11", "Câu 4/11", "Câu 5/7", "Câu 6/7", "Câu 7/7"], seen);
    }

    [Fact]
    public void Knowing_the_chairman_numbers_all_eleven_questions()
    {
        var seen = NumbersSeen("1", "1", "1", "1", "1", "1", "1", "1", "2", "1");

        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"Câu {n}/11"), seen);
    }

    [Fact]
    public void Going_back_to_the_answer_that_skipped_questions_counts_them_as_possible_again()
    {
        var chat = new Chat().Start("X07").Send("1", "1", "1", "2");
        Assert.Equal("Câu 5/7", Numbering(chat));

        chat.Send("quay lại");

        Assert.Equal("Câu 4/11", Numbering(chat));
    }

    [Fact]
    public void Small_survey_counts_a_question_hanging_on_one_not_yet_answered()
    {
        var chat = new Chat(TestSurveys.Small, new SurveyEngineOptions()).Start("A1");
        Assert.Equal("Câu 1/5", Numbering(chat));

        chat.Send("B");

        Assert.Equal("Câu 2/4", Numbering(chat));
        Assert.Equal("q3", chat.State!.CurrentQuestionId);
    }

    [GeneratedRegex(@"Câu \d+/\d+")]
    private static partial Regex QuestionNumber();
}
