using System.Net;
using System.Net.Sockets;
using ZaloBot.Sandbox;
using ZaloBot.Tests.Support;
using ZaloBot.Tests.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Zalo;

/// <summary>A user's photo is fetched only over https from Zalo's media hosts, at a public address.</summary>
public sealed class MediaDownloadTests(ImageServer images) : IClassFixture<ImageServer>, IAsyncLifetime
{
    private const long MaxBytes = 1024 * 1024;

    private FakeZaloServer zalo = null!;

    public async Task InitializeAsync() => zalo = await FakeZaloServer.StartAsync();

    public Task DisposeAsync() => zalo.DisposeAsync().AsTask();

    private async Task<Download> DownloadAsync(string url, IDictionary<string, string?>? settings = null)
    {
        await using var bot = await BotHost.StartAsync(zalo, settings);
        return await bot.Get<ZaloClient>().DownloadAsync(url, MaxBytes, CancellationToken.None);
    }

    [Fact]
    public async Task By_default_a_plain_http_url_is_not_fetched_even_on_a_listed_host()
    {
        var url = images.Serve(ImageServer.Png);

        var download = await DownloadAsync(url, new Dictionary<string, string?> { ["Zalo:MediaHosts:0"] = "127.0.0.1" });

        Assert.Null(download.Content);
        Assert.Equal(0, images.RequestsFor(url));
    }

    [Fact]
    public async Task A_host_that_is_not_one_of_Zalos_media_hosts_is_not_fetched()
    {
        var url = images.Serve(ImageServer.Png);

        var download = await DownloadAsync(url, new Dictionary<string, string?> { ["Zalo:AllowHttpMedia"] = "true" });

        Assert.Null(download.Content);
        Assert.Equal(0, images.RequestsFor(url));
    }

    [Fact]
    public async Task The_test_allowance_fetches_from_the_listed_local_host()
    {
        var download = await DownloadAsync(images.Serve(ImageServer.Png), new Dictionary<string, string?>(ImageServer.Allowance));

        Assert.Equal(ImageServer.Png, download.Content);
    }

    [Fact]
    public async Task A_redirect_to_a_host_outside_the_list_is_not_followed()
    {
        var target = images.Serve(ImageServer.Png).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var download = await DownloadAsync(images.Redirect(target), new Dictionary<string, string?>(ImageServer.Allowance));

        Assert.Null(download.Content);
        Assert.Equal(0, images.RequestsFor(target));
    }

    [Fact]
    public async Task Three_redirects_on_listed_hosts_are_followed_and_a_fourth_is_not()
    {
        var target = images.Serve(ImageServer.Png);
        var threeHops = images.Redirect(images.Redirect(images.Redirect(target)));

        var followed = await DownloadAsync(threeHops, new Dictionary<string, string?>(ImageServer.Allowance));
        var tooMany = await DownloadAsync(images.Redirect(threeHops), new Dictionary<string, string?>(ImageServer.Allowance));

        Assert.Equal(ImageServer.Png, followed.Content);
        Assert.Null(tooMany.Content);
        Assert.Equal(1, images.RequestsFor(target));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task A_listed_host_on_this_machine_is_refused_before_connecting(string host)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var download = await DownloadAsync($"https://{host}:{port}/photo.jpg", new Dictionary<string, string?> { ["Zalo:MediaHosts:0"] = host });

            Assert.Null(download.Content);
            Assert.False(listener.Pending(), "the service opened a connection to this machine");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task In_sandbox_mode_the_services_own_sandbox_media_is_fetched_and_nothing_else_on_this_machine()
    {
        await using var sandbox = await WebApplicationHandle.StartSandboxAsync();
        var self = sandbox.Get<ZaloBaseUrls>().Self;
        var client = sandbox.Get<ZaloClient>();

        var own = await client.DownloadAsync(self + "/sandbox/media/" + sandbox.Get<SandboxState>().StoreMedia(ImageServer.Png, "image/png"), MaxBytes, CancellationToken.None);
        var other = await client.DownloadAsync(images.Serve(ImageServer.Png), MaxBytes, CancellationToken.None);

        Assert.Equal(ImageServer.Png, own.Content);
        Assert.Null(other.Content);
    }

    [Theory]
    [InlineData("photo-stal-12.zdn.vn", true)]
    [InlineData("zdn.vn", true)]
    [InlineData("ZDN.VN.", true)]
    [InlineData("s120-ava-talk.zadn.vn", true)]
    [InlineData("evilzdn.vn", false)]
    [InlineData("zdn.vn.example.com", false)]
    [InlineData("example.com", false)]
    public void A_host_matches_a_media_host_exactly_or_as_a_subdomain(string host, bool listed) =>
        Assert.Equal(listed, MediaAddresses.IsListed(host, ZaloOptions.DefaultMediaHosts));

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    public void Only_public_addresses_are_reachable(string address, bool reachable) =>
        Assert.Equal(reachable, MediaAddresses.IsPublic(IPAddress.Parse(address)));
}
