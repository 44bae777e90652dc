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

    private static readonly Lazy<string> AroundTodayFile = new(() =>
    {
        var today = Reporting.VietnamTime.DateOf(DateTimeOffset.UtcNow);
        return Window($"{today.AddDays(-30):yyyy-MM-dd}T00:00:00", $"{today.AddDays(30):yyyy-MM-dd}T23:59:59");
    });

    /// <summary>
    /// The shipped survey open from 30 days before today to 30 days after: what a test that reads the
    /// real clock and sets no window of its own runs against, so it keeps working after the shipped
    /// file's window has closed.
    /// </summary>
    public static string AroundToday => AroundTodayFile.Value;

    /// <summary>The shipped survey open between two Vietnam wall-clock times ("2024-06-12T07:00:00").</summary>
    public static string Window(string opensAt, string closesAt) => With(s =>
    {
        s["opensAt"] = opensAt;
        s["closesAt"] = closesAt;
    });
}
