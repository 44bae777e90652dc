namespace ZaloBot.Posters;

public static class PostersSetup
{
    public static IHostApplicationBuilder AddPosters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PosterOptions>().BindConfiguration(PosterOptions.SectionName)
            .Validate(o => o.HasValidTemplate(), "Posters:QrTemplate may only use the placeholders {OaId} and {CommuneCode}.")
            .Validate(o => o.PngPixelsPerModule is >= 1 and <= 100, "Posters:PngPixelsPerModule must be between 1 and 100.")
            .ValidateOnStart();
        builder.Services.AddSingleton<QrPosters>();
        return builder;
    }
}
