using Microsoft.Extensions.Options;

namespace ZaloBot.Tests.Zalo;

public sealed class StartupTests
{
    private static string[] LiveArgs(params string[] without)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Zalo:Mode"] = "Live",
            ["Zalo:AppId"] = "1",
            ["Zalo:OaSecretKey"] = "s",
            ["Zalo:AppSecretKey"] = "a",
            ["Zalo:RefreshToken"] = "r",
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N"), "survey.db"),
        };
        foreach (var key in without)
            settings.Remove(key);
        return settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
    }

    [Theory]
    [InlineData("Zalo:AppId")]
    [InlineData("Zalo:OaSecretKey")]
    [InlineData("Zalo:AppSecretKey")]
    [InlineData("Zalo:RefreshToken")]
    public async Task Live_mode_refuses_to_start_naming_the_missing_key(string key)
    {
        await using var app = ZaloBotApp.Build(LiveArgs(key));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.StartsWith(key, error.Message);
    }

    [Fact]
    public async Task A_group_link_that_is_no_link_stops_the_start_naming_the_setting()
    {
        await using var app = ZaloBotApp.Build([.. LiveArgs(), "--Digest:GroupLink=nhóm PKS02"]);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Digest:GroupLink", error.Message);
    }

    [Fact]
    public async Task Live_mode_starts_with_only_an_access_token_or_only_a_refresh_token()
    {
        await using var app = ZaloBotApp.Build([.. LiveArgs("Zalo:RefreshToken"), "--Zalo:AccessToken=t"]);
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task An_unknown_mode_stops_the_start_with_one_line_naming_the_setting_and_the_allowed_values()
    {
        var error = new StringWriter();

        var exit = await ZaloBotApp.RunAsync([.. LiveArgs(), "--Zalo:Mode=Liv"], error);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Configuration error: Zalo:Mode must be Sandbox or Live, not \"Liv\".", line);
    }

    [Fact]
    public async Task A_call_timeout_that_is_not_a_time_span_stops_the_start_with_one_line()
    {
        var error = new StringWriter();

        var exit = await ZaloBotApp.RunAsync([.. LiveArgs(), "--Zalo:CallTimeout=fifteen"], error);

        Assert.Equal(2, exit);
        Assert.Contains("Zalo:CallTimeout", Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }
}
