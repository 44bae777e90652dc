using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo;

/// <summary>
/// Where the Zalo endpoints are: Zalo itself in Live mode, or this service's own embedded
/// emulator (under /sandbox/zalo, same paths below it) in Sandbox mode.
/// </summary>
public sealed class ZaloBaseUrls(IOptions<ZaloOptions> options, IServer server)
{
    public const string SandboxPrefix = "/sandbox/zalo";

    public string OpenApi => options.Value.Mode == ZaloMode.Sandbox ? Self + SandboxPrefix : options.Value.OpenApiBaseUrl.TrimEnd('/');

    public string OAuth => options.Value.Mode == ZaloMode.Sandbox ? Self + SandboxPrefix : options.Value.OAuthBaseUrl.TrimEnd('/');

    /// <summary>This service's own address, as the server listens on it (wildcards mapped to loopback).</summary>
    public string Self
    {
        get
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server is not listening yet.");
            var uri = new Uri(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
            return uri.GetLeftPart(UriPartial.Authority);
        }
    }
}
