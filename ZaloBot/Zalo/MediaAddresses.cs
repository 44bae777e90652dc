using System.Net;
using System.Net.Sockets;

namespace ZaloBot.Zalo;

/// <summary>
/// Where a photo download may go: a host of <see cref="ZaloOptions.MediaHosts"/>, at a public
/// address. The address is checked when the connection is made, after DNS, so a name that resolves
/// to this machine or a private network is refused however it was spelled.
/// </summary>
public static class MediaAddresses
{
    /// <summary>Set on a request the service trusts to reach a local address (its own sandbox, or tests).</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowLocal = new("ZaloBot.Media.AllowLocal");

    /// <summary>True when <paramref name="host"/> is one of <paramref name="allowed"/> or a subdomain of one.</summary>
    public static bool IsListed(string host, IEnumerable<string> allowed)
    {
        host = host.TrimEnd('.');
        return allowed.Select(a => a.Trim().TrimEnd('.')).Where(a => a.Length > 0).Any(a =>
            string.Equals(host, a, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + a, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>False for loopback, private, link-local, carrier-grade NAT, unspecified and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] is >= 64 and <= 127));
        }
        return !(address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }

    /// <summary>The media client's connection: resolve, keep only the addresses it may reach, connect.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var allowLocal = context.InitialRequestMessage.Options.TryGetValue(AllowLocal, out var allowed) && allowed;
        var addresses = (await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct))
            .Where(a => allowLocal || IsPublic(a))
            .ToArray();
        if (addresses.Length == 0)
            throw new HttpRequestException($"{context.DnsEndPoint.Host} has no public address; photo downloads never reach this machine or a private network.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
