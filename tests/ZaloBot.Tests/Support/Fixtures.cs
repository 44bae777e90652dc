using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZaloBot.Tests.Support;

/// <summary>Zalo's documented payload shapes (copied from shared/zalo-fixtures).</summary>
public static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>The fixture serialized compactly, as Zalo sends it.</summary>
    public static string Compact(string name) => Json(name).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
