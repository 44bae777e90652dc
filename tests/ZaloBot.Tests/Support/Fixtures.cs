using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZaloBot.Tests.Support;

/// <summary>Zalo's documented payload shapes (copied from shared/zalo-fixtures).</summary>
public static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>The fixture serialized compactly, as Zalo sends it.</summary>
    public static string Compact(string name) => Serialize(Json(name));

    /// <summary>The fixture as a delivery of now: the webhook refuses events older than its dedupe window.</summary>
    public static string Fresh(string name)
    {
        var json = Json(name);
        json["timestamp"] = Now;
        return Serialize(json);
    }

    private static string Serialize(JsonObject json) =>
        json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Zalo's timestamp of this moment: milliseconds since 1970, as a string.</summary>
    public static string Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
