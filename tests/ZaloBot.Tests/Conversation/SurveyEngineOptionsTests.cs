using Microsoft.Extensions.Configuration;
using ZaloBot.Conversation;

namespace ZaloBot.Tests.Conversation;

public sealed class SurveyEngineOptionsTests
{
    [Fact]
    public void Options_bind_from_the_Survey_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Survey:IdleTimeout"] = "00:30:00",
            ["Survey:TooFastSeconds"] = "45",
            ["Survey:DeskOpensAt"] = "07:30",
            ["Survey:DeskClosesAt"] = "17:00",
            ["Survey:SkipWord"] = "không có",
            ["Survey:UseListButtons"] = "false",
        }).Build();

        var options = configuration.GetSection(SurveyEngineOptions.SectionName).Get<SurveyEngineOptions>()!;

        Assert.Equal(
            (TimeSpan.FromMinutes(30), 45, new TimeOnly(7, 30), new TimeOnly(17, 0), "không có", false),
            (options.IdleTimeout, options.TooFastSeconds, options.DeskOpensAt, options.DeskClosesAt, options.SkipWord, options.UseListButtons));
    }

    [Fact]
    public void Defaults_match_the_desk_a_two_hour_session_and_list_buttons()
    {
        var options = new SurveyEngineOptions();

        Assert.Equal(
            (TimeSpan.FromHours(2), 60, new TimeOnly(7, 0), new TimeOnly(17, 30), "bỏ qua", true),
            (options.IdleTimeout, options.TooFastSeconds, options.DeskOpensAt, options.DeskClosesAt, options.SkipWord, options.UseListButtons));
    }
}
