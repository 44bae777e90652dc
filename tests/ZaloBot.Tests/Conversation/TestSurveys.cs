using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

internal static class TestSurveys
{
    public static SurveyDefinition Default { get; } =
        SurveyDefinitionLoader.Load(Path.Combine(AppContext.BaseDirectory, SurveyDefinitionLoader.DefaultFile));

    public static SurveyDefinition Small { get; } = SurveyDefinitionLoader.Parse(SmallJson);

    /// <summary>A valid survey with one question of each kind; the file validation tests break it one way at a time.</summary>
    public const string SmallJson = """
        {
          "id": "T1", "title": "Thử", "intro": "Chào", "thanks": "Cảm ơn",
          "opensAt": "2026-11-01T00:00:00", "closesAt": "2026-12-01T00:00:00",
          "communes": [ { "code": "A1", "name": "Xã Một" }, { "code": "A2", "name": "Xã Hai" } ],
          "questions": [
            { "id": "q1", "text": "Một?", "type": "single", "options": [ { "id": "a", "text": "A" }, { "id": "b", "text": "B" } ] },
            { "id": "q2", "text": "Hai?", "type": "single", "showIf": { "question": "q1", "anyOf": [ "a" ] },
              "options": [ { "id": "x", "text": "X" }, { "id": "y", "text": "Y" } ] },
            { "id": "q3", "text": "Bao nhiêu?", "type": "number", "min": 0, "max": 10 },
            { "id": "q4", "text": "Chọn?", "type": "multi", "min": 1, "max": 2,
              "options": [ { "id": "m1", "text": "Một" }, { "id": "m2", "text": "Hai" }, { "id": "m3", "text": "Ba" } ] },
            { "id": "q5", "text": "Ý kiến?", "type": "text", "required": false, "maxLength": 20 }
          ]
        }
        """;
}
