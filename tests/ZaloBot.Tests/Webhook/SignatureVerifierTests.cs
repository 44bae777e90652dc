using System.Text;
using System.Text.Json.Nodes;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Tests.Webhook;

public sealed class SignatureVerifierTests
{
    private const string Secret = "Kx9fQ2LmZp7Rt4Vw8Yb1";
    private static readonly string Body = Fixtures.Compact("follow.json");
    private static readonly string Expected = Fixtures.Text("follow.signature.txt").Trim();

    private static bool Verify(string body, string? header, string secret = Secret)
    {
        var node = JsonNode.Parse(body)!;
        return SignatureVerifier.Verify(header, node["app_id"]!.ToString(), Encoding.UTF8.GetBytes(body), node["timestamp"]!.ToString(), secret);
    }

    [Fact]
    public void Zalos_worked_example_verifies()
    {
        Assert.Equal(Expected, SignatureVerifier.Compute("3608465248940903967", Encoding.UTF8.GetBytes(Body), "1724921862647", Secret));
        Assert.True(Verify(Body, Expected));
    }

    [Fact]
    public void Body_changed_by_one_byte_fails()
    {
        var changed = Body.Replace("oa_profile", "oa_profilf");
        Assert.Equal(Body.Length, changed.Length);
        Assert.False(Verify(changed, Expected));
    }

    [Fact]
    public void Wrong_secret_fails() => Assert.False(Verify(Body, Expected, "Kx9fQ2LmZp7Rt4Vw8Yb2"));

    [Fact]
    public void Wrong_app_id_fails() =>
        Assert.False(SignatureVerifier.Verify(Expected, "3608465248940903968", Encoding.UTF8.GetBytes(Body), "1724921862647", Secret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c6dea8c3f70d48f08e0d3c831794cff9814cb44e9c8a56b64f8cbeb987e49fdb")]
    [InlineData("MAC=c6dea8c3f70d48f08e0d3c831794cff9814cb44e9c8a56b64f8cbeb987e49fdb")]
    [InlineData("mac=")]
    public void Header_missing_or_without_mac_prefix_fails(string? header) => Assert.False(Verify(Body, header));

    [Fact]
    public void The_same_json_reserialized_differently_fails()
    {
        var pretty = Fixtures.Text("follow.json");
        Assert.Equal(JsonNode.Parse(Body)!.ToJsonString(), JsonNode.Parse(pretty)!.ToJsonString());
        Assert.False(Verify(pretty, Expected));
    }
}
