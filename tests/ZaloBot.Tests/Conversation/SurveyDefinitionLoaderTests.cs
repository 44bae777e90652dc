using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed partial class SurveyDefinitionLoaderTests
{
    [Fact]
    public void Shipped_default_file_loads_with_25_communes_and_the_11_questions()
    {
        var survey = TestSurveys.Default;

        Assert.Equal("PKS02_2024", survey.Id);
        Assert.True(survey.IsEditableDefault);
        Assert.Equal(25, survey.Communes.Count);
        Assert.Equal("Xã Tân Lập", survey.Communes.Single(c => c.Code == "X07").Name);
        Assert.StartsWith("Thị trấn", survey.Communes.Single(c => c.Code == "TT01").Name);
        Assert.Equal(
            ["age", "sex", "field", "knows", "receive", "direct", "duty", "ethics", "extra_pay", "overall", "comment"],
            survey.Questions.Select(q => q.Id));
    }

    [Fact]
    public void Shipped_default_file_asks_the_chairman_ratings_only_of_those_who_know_him()
    {
        var survey = TestSurveys.Default;

        var conditional = survey.Questions.Where(q => q.ShowIf is not null).ToList();

        Assert.Equal(["receive", "direct", "duty", "ethics"], conditional.Select(q => q.Id));
        var yes = survey.Question("knows").Options.Single(o => o.Text == "Có").Id;
        Assert.All(conditional, q => Assert.Equal("knows", q.ShowIf!.Question));
        Assert.All(conditional, q => Assert.Equal([yes], q.ShowIf!.AnyOf));
        Assert.All(conditional, q => Assert.Equal(["1", "2", "3", "4", "5", "kb"], q.Options.Select(o => o.Id)));
        var comment = survey.Question("comment");
        Assert.Equal((QuestionTypes.Text, false, 1000), (comment.Type, comment.Required, comment.MaxLength));
    }

    [Fact]
    public void Shipped_default_file_is_open_today_for_a_newcomer()
    {
        var survey = TestSurveys.Default;

        Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0), survey.OpensAt);
        Assert.Equal(new DateTime(2027, 12, 31, 23, 59, 59), survey.ClosesAt);
        Assert.True(survey.IsOpenAt(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void Dates_are_read_as_Vietnam_local_time()
    {
        var survey = TestSurveys.Small;

        Assert.False(survey.IsOpenAt(new DateTimeOffset(2026, 10, 31, 16, 59, 59, TimeSpan.Zero)));
        Assert.True(survey.IsOpenAt(new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero)));
        Assert.False(survey.IsOpenAt(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("id", null, "has no id")]
    [InlineData("title", "\"  \"", "has no title")]
    [InlineData("intro", null, "has no intro")]
    [InlineData("thanks", "\"\"", "has no thanks")]
    [InlineData("opensAt", null, "has no opensAt")]
    [InlineData("opensAt", "\"2026-11-01T07:00:00+07:00\"", "opensAt must be a Vietnam local date-time without offset or Z, e.g. 2026-11-01T07:00:00")]
    [InlineData("closesAt", "\"2026-11-01T00:00:00\"", "closesAt 2026-11-01T00:00:00 is not after opensAt 2026-11-01T00:00:00")]
    [InlineData("closesAt", "\"2026-10-01T00:00:00\"", "closesAt 2026-10-01T00:00:00 is not after opensAt 2026-11-01T00:00:00")]
    [InlineData("communes", "[]", "has no communes")]
    [InlineData("communes[1].code", "\"\"", "commune #2 has no code")]
    [InlineData("communes[1].code", "\"A-2\"", "commune code 'A-2' must be a letter followed by letters or digits, e.g. X07")]
    [InlineData("communes[1].code", "\"07\"", "commune code '07' must be a letter followed by letters or digits, e.g. X07")]
    [InlineData("communes[1].name", "\"\"", "commune 'A2' has no name")]
    [InlineData("communes[1].code", "\"a1\"", "duplicate commune code 'a1'")]
    [InlineData("questions", "[]", "has no questions")]
    [InlineData("questions[2].id", "\"\"", "question #3 has no id")]
    [InlineData("questions[2].id", "\"q1\"", "duplicate question id 'q1'")]
    [InlineData("questions[2].text", null, "question 'q3' has no text")]
    [InlineData("questions[2].type", "\"choice\"", "question 'q3' has unknown type 'choice' (use single, multi, text, number)")]
    [InlineData("questions[0].options", "[]", "question 'q1' (single) has no options")]
    [InlineData("questions[3].options", "[]", "question 'q4' (multi) has no options")]
    [InlineData("questions[0].options[1].id", "\"a\"", "question 'q1' has duplicate option id 'a'")]
    [InlineData("questions[0].options[1].id", "\"\"", "question 'q1' option #2 has no id")]
    [InlineData("questions[0].options[1].text", "\"\"", "question 'q1' option 'b' has no text")]
    [InlineData("questions[1].showIf.question", "\"knowz\"", "question 'q2' showIf names unknown question 'knowz'")]
    [InlineData("questions[1].showIf.question", "\"q3\"", "question 'q2' showIf names 'q3', which is not an earlier question")]
    [InlineData("questions[1].showIf.question", "\"q2\"", "question 'q2' showIf names 'q2', which is not an earlier question")]
    [InlineData("questions[1].showIf.anyOf", "[\"zz\"]", "question 'q2' showIf names unknown option 'zz' of question 'q1'")]
    [InlineData("questions[1].showIf.anyOf", "[]", "question 'q2' showIf lists no options in anyOf")]
    [InlineData("questions[2].min", "11", "question 'q3' has min 11 greater than max 10")]
    [InlineData("questions[3].max", "0", "question 'q4' has min 1 greater than max 0")]
    [InlineData("questions[4].maxLength", "0", "question 'q5' has maxLength 0; it must be positive")]
    [InlineData("questions[4].maxLength", "-5", "question 'q5' has maxLength -5; it must be positive")]
    public void Invalid_survey_file_is_refused_with_the_problem_named(string path, string? value, string problem)
    {
        var json = Change(TestSurveys.SmallJson, path, value);

        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyDefinitionLoader.Parse(json, "survey.json"));

        Assert.Equal($"Survey file survey.json: {problem}", error.Message);
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        var json = TestSurveys.SmallJson.Replace("\"title\": \"Thử\",", "\"title\": \"Thử\"", StringComparison.Ordinal);

        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyDefinitionLoader.Parse(json, "survey.json"));

        Assert.StartsWith("Survey file survey.json: invalid JSON at line 2, position ", error.Message);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void Misspelt_property_is_refused_rather_than_ignored()
    {
        var json = TestSurveys.SmallJson.Replace("\"showIf\"", "\"show_if\"", StringComparison.Ordinal);

        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyDefinitionLoader.Parse(json, "survey.json"));

        Assert.Equal(
            "Survey file survey.json: invalid JSON at line 7, position 63: " +
            "The JSON property 'show_if' could not be mapped to any .NET member contained in type 'ZaloBot.Conversation.QuestionDefinition'.",
            error.Message);
    }

    [Fact]
    public void Missing_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");

        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyDefinitionLoader.Load(path));

        Assert.StartsWith($"Survey file {path}: cannot be read", error.Message);
    }

    [Fact]
    public void Empty_document_is_refused()
    {
        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyDefinitionLoader.Parse("null", "survey.json"));

        Assert.Equal("Survey file survey.json: is empty (null)", error.Message);
    }

    /// <summary>Sets (or, for a null value, removes) the property at a path like "questions[1].showIf.question".</summary>
    private static string Change(string json, string path, string? value)
    {
        var root = JsonNode.Parse(json)!;
        var steps = path.Split('.');
        var parent = steps[..^1].Aggregate(root, Step).AsObject();
        if (value is null)
        {
            parent.Remove(steps[^1]);
        }
        else
        {
            parent[steps[^1]] = JsonNode.Parse(value);
        }
        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string step)
    {
        var match = PathStep().Match(step);
        var child = node[match.Groups["name"].Value]!;
        return match.Groups["index"].Success ? child[int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)]! : child;
    }

    [GeneratedRegex(@"^(?<name>\w+)(\[(?<index>\d+)\])?$")]
    private static partial Regex PathStep();
}
