using System.Text.Json.Nodes;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Support;

/// <summary>Copies of the shipped survey file with some fields changed, for services started by tests.</summary>
public static class SurveyFiles
{
    public static string With(Action<JsonNode> change)
    {
        var survey = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SurveyDefinitionLoader.DefaultFile)))!;
        change(survey);
        var path = Path.Combine(Path.GetTempPath(), "zalobot-tests", $"survey-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, survey.ToJsonString());
        return path;
    }

    /// <summary>The shipped survey open between two Vietnam wall-clock times ("2024-06-12T07:00:00").</summary>
    public static string Window(string opensAt, string closesAt) => With(s =>
    {
        s["opensAt"] = opensAt;
        s["closesAt"] = closesAt;
    });
}
