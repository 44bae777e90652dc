using System.Globalization;
using Microsoft.Extensions.Options;
using ZaloBot.Conversation;
using ZaloBot.Survey;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>The survey as citizens see it in Zalo: the same texts the bot sends, question by question.</summary>
internal static class SurveyPage
{
    public static void MapSurveyPage(this DashboardRoutes routes) =>
        routes.Pages.MapGet("/survey", (HttpContext http, SurveyCatalog catalog, IOptions<SurveyEngineOptions> options) =>
        {
            var survey = catalog.Definition;
            var questions = string.Concat(survey.Questions.Select(q =>
                Condition(survey, q) + Bubble(BotTexts.Question(q, survey.NumberOf(q), survey.Questions.Count, options.Value.SkipWord))));
            var communes = Table(["Mã", "Tên", "Tên khác"], survey.Communes.Select(c => new[] { E(c.Code), E(c.Name), E(string.Join(", ", c.Aliases)) }));
            return Page(http, survey.Title, $"""
                <section class="card">
                <p>Thời gian khảo sát: {E(Format(survey.OpensAt))} – {E(Format(survey.ClosesAt))} (giờ Việt Nam). Mã khảo sát: {E(survey.Id)}.</p>
                {(survey.IsEditableDefault ? """<p class="error">Đây là bộ câu hỏi mẫu, có thể chỉnh sửa; không phải mẫu phiếu chính thức.</p>""" : "")}
                <p class="note">Bộ câu hỏi đọc từ tệp <code>{E(System.IO.Path.GetFileName(catalog.Path))}</code>.</p>
                </section>
                <section class="card">
                <h2>Tin nhắn người dân nhận được</h2>
                {Bubble(BotTexts.Greeting(survey))}
                {questions}
                {Bubble(survey.Thanks)}
                </section>
                <section class="card">
                <h2>Xã, thị trấn</h2>
                {communes}
                </section>
                """);
        });

    private static string Bubble(string text) => $"""<div class="bubble">{E(text)}</div>""";

    /// <summary>A question shown only after a certain answer says so above its bubble.</summary>
    private static string Condition(SurveyDefinition survey, QuestionDefinition question)
    {
        if (question.ShowIf is not { } showIf)
            return "";
        var earlier = survey.Question(showIf.Question);
        var answers = earlier.Options.Where(o => showIf.AnyOf.Contains(o.Id)).Select(o => o.Text);
        return $"""<div class="bubble condition">{E($"Chỉ hỏi khi câu {survey.NumberOf(earlier)} được trả lời: {string.Join(" hoặc ", answers)}")}</div>""";
    }

    private static string Format(DateTime local) => local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
