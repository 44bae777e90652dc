namespace ZaloBot.Sandbox;

public static class SandboxSetup
{
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SandboxState>();
        builder.Services.AddHttpClient("sandbox");
        return builder;
    }
}
