using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZaloBot.Conversation;

/// <summary>Reads and validates a survey file (JSON, camelCase).</summary>
public static class SurveyDefinitionLoader
{
    /// <summary>The shipped default survey, relative to the service's output folder.</summary>
    public const string DefaultFile = "Conversation/survey.pks02.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt property ("show_if") would otherwise be ignored without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static SurveyDefinition Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), Path.GetFileName(path));
        }
        catch (IOException e)
        {
            throw new SurveyDefinitionException($"Survey file {path}: cannot be read: {e.Message}", e);
        }
    }

    public static SurveyDefinition Parse(string json, string fileName = "(text)")
    {
        var survey = Deserialize(json, fileName)
            ?? throw new SurveyDefinitionException($"Survey file {fileName}: is empty (null)");
        new SurveyDefinitionValidator(fileName).Validate(survey);
        return survey;
    }

    private static SurveyDefinition? Deserialize(string json, string fileName)
    {
        try
        {
            return JsonSerializer.Deserialize<SurveyDefinition>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new SurveyDefinitionException(
                $"Survey file {fileName}: invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }
}
