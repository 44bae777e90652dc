using ZaloBot.Conversation;

namespace ZaloBot.Survey;

public static class SurveySetup
{
    public static IHostApplicationBuilder AddSurvey(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SurveyEngineOptions>().BindConfiguration("Survey");
        builder.Services.AddSingleton<SurveyCatalog>();
        builder.Services.AddSingleton<CitizenConversation>();
        return builder;
    }
}
