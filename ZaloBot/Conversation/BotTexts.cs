using Reporting;
using System.Globalization;

namespace ZaloBot.Conversation;

/// <summary>Every text the bot sends a citizen, apart from the survey's own intro, questions and thanks.</summary>
public static class BotTexts
{
    /// <summary>Zalo refuses text messages of this many characters or more.</summary>
    public const int MessageLimit = 2000;

    /// <summary>The longest an answer is shown in the recap, so that the recap fits in one message.</summary>
    private const int RecapAnswerLength = 100;

    // Commands and confirmation words: whole messages, compared without diacritics ("quay lai" works too).
    public static IReadOnlyList<string> BackWords { get; } = ["quay lại"];
    public static IReadOnlyList<string> RestartWords { get; } = ["làm lại"];
    public static IReadOnlyList<string> PauseWords { get; } = ["dừng", "dừng lại", "tạm dừng"];
    public static IReadOnlyList<string> HelpWords { get; } = ["trợ giúp", "hướng dẫn", "help"];
    public static IReadOnlyList<string> CancelWords { get; } = ["hủy", "hủy phiếu", "hủy khảo sát", "thoát", "thôi", "không làm nữa"];

    /// <summary>Skips an optional question, which invites this very phrase; anywhere else it ends the survey.</summary>
    public static IReadOnlyList<string> DeclineWords { get; } = ["không muốn trả lời"];
    public static IReadOnlyList<string> SubmitWords { get; } = ["có", "có, gửi phiếu", "gửi phiếu", "gửi", "đồng ý", "ok", "được"];
    public static IReadOnlyList<string> ReviseWords { get; } = ["không", "không, tôi muốn sửa", "sửa", "sửa lại", "chưa", "không đồng ý"];
    public static IReadOnlyList<string> StartOverWords { get; } = ["sửa lại từ đầu", "trả lời lại từ đầu"];

    public const string CommuneNotFound = "Chưa tìm thấy xã, thị trấn này.";
    public const string NotUnderstood = "Chưa rõ câu trả lời của ông/bà.";
    public const string AnswerRequired = "Câu này cần có câu trả lời.";
    public const string EmptyText = "Xin ông/bà gửi ý kiến bằng chữ.";
    public const string Restarted = "Đã xoá các câu trả lời. Xin mời ông/bà làm lại từ đầu.";
    public const string Revising = "Xin mời ông/bà trả lời lại từ câu đầu.";
    public const string Resumed = "Xin mời ông/bà tiếp tục.";
    public const string Skipped = "(bỏ qua)";
    public const string CommuneLabel = "Xã, thị trấn";

    /// <summary>For a citizen who sends a picture: the survey only takes typed answers.</summary>
    public const string ImageIsNotAnswer =
        "Khảo sát được trả lời bằng tin nhắn chữ, ảnh không được ghi vào phiếu. " +
        "Xin ông/bà gõ câu trả lời (ví dụ: 1), hoặc gửi mã xã in trên áp phích (ví dụ: X07) để bắt đầu.";

    public const string Help =
        "Hướng dẫn: mỗi câu hỏi có các câu trả lời đánh số. Ông/bà gửi số thứ tự (ví dụ: 1), " +
        "hoặc gõ câu trả lời, có dấu hay không dấu đều được.\n" +
        "Khi cần, ông/bà gửi:\n" +
        "• \"quay lại\": sửa câu trước\n" +
        "• \"làm lại\": làm lại từ đầu\n" +
        "• \"dừng\": tạm dừng\n" +
        "• \"hủy\": thôi, không trả lời nữa\n" +
        "• \"trợ giúp\": xem hướng dẫn\n" +
        "Khi xem lại phiếu, gửi \"sửa câu 3\" để sửa riêng câu 3.";

    /// <summary>
    /// Short, because it comes with the first question (or the list of communes) in the first message, which should
    /// fit on one phone screen; "trợ giúp" gives the rest.
    /// </summary>
    public static string Greeting(SurveyDefinition survey) => Join(
        survey.Intro,
        "Ý kiến được giữ kín: không ghi tên, không ghi số điện thoại. Chỉ mất vài phút.\n" +
        "Gửi \"quay lại\" để sửa câu trước, \"hủy\" để thôi, \"trợ giúp\" để xem hướng dẫn.",
        survey.IsEditableDefault ? "(Bộ câu hỏi mẫu, có thể chỉnh sửa; không phải mẫu phiếu chính thức.)" : null);

    public static string CommuneQuestion(IEnumerable<string> names) =>
        $"Ông/bà đang làm thủ tục tại xã, thị trấn nào?\n{Numbered(names)}\nGửi số thứ tự hoặc tên xã, thị trấn (ví dụ: 1).";

    public static string CommuneChoices(IReadOnlyCollection<string> names) =>
        $"Có {names.Count} xã, thị trấn gần giống tên ông/bà gửi:\n{Numbered(names)}\nGửi số thứ tự của nơi đúng (ví dụ: 1).";

    public static string CommuneIs(string name) => $"Nơi khảo sát: {name} (chọn nhầm thì gửi \"quay lại\").";

    public static string Question(QuestionDefinition question, int number, int total, string skipWord)
    {
        var options = question.Options.Count > 0 ? "\n" + Numbered(question.Options.Select(o => o.Text)) : "";
        var skip = question.Required ? "" : $" Nếu không muốn trả lời, gửi \"{skipWord}\".";
        return Join($"Câu {number}/{total}: {question.Text}{options}", HowToAnswer(question) + skip);
    }

    private static string HowToAnswer(QuestionDefinition question) => question.Type switch
    {
        QuestionTypes.Single => "Gửi số thứ tự câu trả lời (ví dụ: 1).",
        QuestionTypes.Multi => "Có thể chọn nhiều: gửi các số, cách nhau bằng dấu phẩy (ví dụ: 1, 3).",
        QuestionTypes.Number => $"Gửi một số{Range(question.Min, question.Max)}.",
        _ => $"Gửi ý kiến của ông/bà trong một tin nhắn{(question.MaxLength is { } max ? $" (tối đa {max} ký tự)" : "")}.",
    };

    /// <summary>A short re-ask after an answer that could not be taken: the notice and the answers' numbers, not the whole question.</summary>
    public static string Reask(string notice, QuestionDefinition question)
    {
        var options = Numbered(question.Options.Select(o => o.Text));
        return question.Type switch
        {
            QuestionTypes.Single => $"{notice} Xin gửi một số từ 1 đến {question.Options.Count}:\n{options}",
            QuestionTypes.Multi => $"{notice} Xin gửi các số từ 1 đến {question.Options.Count}, cách nhau bằng dấu phẩy:\n{options}",
            QuestionTypes.Number => $"{notice} Xin gửi một số nguyên{Range(question.Min, question.Max)}.",
            _ => $"{notice} {EmptyText}",
        };
    }

    public static string SelectionCount(int min, int max) =>
        min == max ? $"Xin chọn đúng {min} câu trả lời." : $"Xin chọn từ {min} đến {max} câu trả lời.";

    /// <summary>Shown above a question asked again, after "quay lại" or "sửa câu 3".</summary>
    public static string EarlierAnswer(string answer) => $"Trước đây ông/bà trả lời: {Shorten(answer, RecapAnswerLength)}";

    public static string TooLong(int max, int length) =>
        $"Ý kiến dài {length} ký tự, quá giới hạn {max} ký tự. Xin ông/bà gửi ngắn hơn.";

    private const string ConfirmQuestion = "Ông/bà có đồng ý gửi phiếu không?\n1. Có, gửi phiếu\n2. Không, tôi muốn sửa";

    /// <summary>The commune, then the answers numbered as the citizen was asked them, so "sửa câu 3" is easy to say.</summary>
    public static string Recap(string commune, IEnumerable<(string Label, string Answer)> answers)
    {
        var body = string.Join('\n', answers.Select((a, i) => $"- Câu {i + 1}. {a.Label}: {Shorten(a.Answer, RecapAnswerLength)}")
            .Prepend($"- {CommuneLabel}: {commune}"));
        const string heading = "Xin ông/bà xem lại các câu trả lời:\n";
        const string how = "Gửi số 1 hoặc 2. Muốn sửa một câu, gửi \"sửa câu\" và số câu (ví dụ: sửa câu 3).";
        // Leave room for a hint before the recap and for the question after it.
        return Join(heading + Shorten(body, MessageLimit / 2), ConfirmQuestion + "\n" + how);
    }

    public const string ConfirmAgain = NotUnderstood + " " + ConfirmQuestion;

    public static string WhichQuestion(int count) =>
        $"Ông/bà muốn sửa câu nào? Xin gửi số câu, từ 1 đến {count} (ví dụ: 3).\n" +
        "Gửi \"sửa lại từ đầu\" để trả lời lại tất cả, \"quay lại\" để xem lại phiếu.";

    public static string WhichQuestionAgain(int count) => $"{NotUnderstood} Xin gửi số câu cần sửa, từ 1 đến {count} (ví dụ: 3).";

    /// <summary>After "hủy": nothing is kept, and the citizen learns how to begin again.</summary>
    public static string Cancelled(string? communeCode) =>
        "Đã dừng khảo sát. Phiếu chưa được gửi và các câu trả lời đã được xoá. " +
        (communeCode is null
            ? "Khi muốn tham gia lại, ông/bà gửi một tin nhắn bất kỳ để bắt đầu từ đầu."
            : $"Khi muốn tham gia lại, ông/bà gửi \"{communeCode}\" để bắt đầu từ đầu.") +
        " Cảm ơn ông/bà!";

    public static string Paused(TimeSpan keptFor) =>
        $"Đã tạm dừng. Các câu trả lời được giữ trong {Duration(keptFor)}. Khi muốn tiếp tục, ông/bà gửi một tin nhắn bất kỳ.";

    public static string Expired(TimeSpan idle) =>
        $"Đã quá {Duration(idle)} không có tin nhắn nên các câu trả lời trước đã được xoá. Xin mời ông/bà làm lại từ đầu.";

    public static string NotYetOpen(SurveyDefinition survey) =>
        $"{survey.Title}\nĐợt khảo sát chưa bắt đầu. Thời gian khảo sát: {Window(survey)}. Xin mời ông/bà quay lại trong thời gian này.";

    public static string Closed(SurveyDefinition survey) =>
        $"{survey.Title}\nĐợt khảo sát đã kết thúc. Thời gian khảo sát: {Window(survey)}. Cảm ơn ông/bà đã quan tâm.";

    /// <summary>For a citizen who writes again after submitting: one response per person.</summary>
    public static string AlreadyAnswered(DateTimeOffset submittedAt) =>
        $"Ông/bà đã gửi phiếu khảo sát lúc {Format(VietnamTime.ToLocal(submittedAt).DateTime)}. Mỗi người chỉ trả lời một lần. " +
        "Cảm ơn ông/bà đã tham gia!";

    /// <summary>Joins the parts that are present into one message, a blank line apart.</summary>
    public static string Join(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>Cuts a message to what Zalo accepts.</summary>
    public static string Fit(string message) => Shorten(message, MessageLimit - 1);

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }

    private static string Numbered(IEnumerable<string> items) => string.Join('\n', items.Select((item, i) => $"{i + 1}. {item}"));

    private static string Range(int? min, int? max) => (min, max) switch
    {
        ({ } from, { } to) => $" từ {from} đến {to}",
        ({ } from, null) => $" từ {from} trở lên",
        (null, { } to) => $" không quá {to}",
        _ => "",
    };

    private static string Window(SurveyDefinition survey) => $"từ {Format(survey.OpensAt)} đến {Format(survey.ClosesAt)}";

    private static string Format(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} giờ" : $"{span.TotalMinutes:0} phút";
}
