using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Webhook;

/// <summary>Whatever fails inside the service, the caller gets a bare 500: no exception text, no stack trace.</summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private const string Secret = "connection string Password=hunter2";

    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        zalo = await FakeZaloServer.StartAsync();
        // Development would show the developer exception page, with the stack trace, if nothing handled the failure.
        bot = await BotHost.StartAsync(
            zalo,
            new Dictionary<string, string?> { ["environment"] = "Development" },
            b => b.Services.AddSingleton<IStartupFilter>(new FailingRoute()));
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
    }

    [Fact]
    public async Task A_failure_answers_a_problem_500_without_the_exception_or_its_stack_trace()
    {
        Assert.Equal("Development", bot.App.Environment.EnvironmentName);
        using var response = await bot.Http.GetAsync("/fails");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
    }

    /// <summary>A route behind the service's own pipeline that throws, as a bug anywhere would.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/fails", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
