namespace ZaloBot.Tests.Support;

/// <summary>
/// Waits for something the service does in its own time: the condition is polled until it holds,
/// and the test fails with what it was waiting for once <c>seconds</c> have passed, never on a
/// fixed sleep.
/// </summary>
internal static class Poll
{
    public static Task UntilAsync(Func<bool> condition, string what, int seconds = 30) =>
        UntilAsync(() => Task.FromResult(condition()), what, seconds);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Still waiting for " + what);
            await Task.Delay(20);
        }
    }
}
