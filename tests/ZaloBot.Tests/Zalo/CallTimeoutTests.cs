using ZaloBot.Tests.Support;
using ZaloBot.Tests.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Zalo;

/// <summary>Zalo:CallTimeout bounds a whole call or download, the body included, against a server that trickles it.</summary>
public sealed class CallTimeoutTests : IAsyncLifetime
{
    /// <summary>Far beyond the 1 s deadline; reaching it means the client hung.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private TrickleServer trickle = null!;
    private FakeZaloServer zalo = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        trickle = await TrickleServer.StartAsync();
        zalo = await FakeZaloServer.StartAsync();
        bot = await BotHost.StartAsync(zalo, new Dictionary<string, string?>(ImageServer.Allowance)
        {
            ["Zalo:CallTimeout"] = "00:00:01",
            ["Zalo:OpenApiBaseUrl"] = trickle.BaseUrl,
        });
        bot.Get<ZaloClient>().TransientDelay = TimeSpan.FromMilliseconds(10);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await zalo.DisposeAsync();
        await trickle.DisposeAsync();
    }

    [Fact]
    public async Task A_photo_whose_body_trickles_in_ends_as_not_downloaded()
    {
        var download = await bot.Get<ZaloClient>().DownloadAsync(trickle.BaseUrl + "/photo.jpg", 5 * 1024 * 1024, CancellationToken.None).WaitAsync(Hang);

        Assert.Null(download.Content);
        Assert.False(download.TooLarge);
    }

    [Fact]
    public async Task A_Zalo_answer_whose_body_trickles_in_ends_as_retry_later()
    {
        var result = await bot.Get<ZaloClient>().SendTextAsync("2468458835296197922", "Xin chào", CancellationToken.None).WaitAsync(Hang);

        Assert.Equal(ZaloOutcome.RetryLater, result.Outcome);
        Assert.StartsWith("timed out", result.Reason);
    }
}
