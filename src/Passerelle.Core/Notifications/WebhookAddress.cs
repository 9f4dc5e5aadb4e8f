using System.Net;
using System.Net.Sockets;
using Passerelle.Core.Common;

namespace Passerelle.Core.Notifications;

/// <summary>
/// Where a webhook may not point: this machine, the private network, the cloud's metadata service. The rule is shared
/// by registration, which looks at the URL, and by the connection, which looks at the address the name resolved to,
/// so a name that later resolves elsewhere (DNS rebinding) gains nothing. An allow-listed host is exempt.
/// </summary>
public static class WebhookAddress
{
    public const int MaxUrlLength = 500;

    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b];

    /// <summary>True for an address no webhook may reach unless its host is on <c>Webhooks:AllowedHosts</c>.</summary>
    public static bool IsRefused(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsRefusedV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsRefusedV6(address),
            _ => true,
        };
    }

    /// <summary>
    /// Checks a URL being registered: absolute https, no user-info, and no refused address or loopback name unless
    /// its host is allow-listed, which is also the only way to plain http.
    /// </summary>
    public static Result<Uri> CheckUrl(string? url, WebhookSettings settings)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return NotificationErrors.WebhookUrl.With(
                $"The URL is an absolute https URL of at most {MaxUrlLength} characters.", "url");
        }

        var allowListed = settings.IsAllowListed(uri.IdnHost);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && allowListed))
        {
            return NotificationErrors.WebhookUrlScheme.With(
                "The URL is https; plain http only to a host an administrator put on Webhooks:AllowedHosts.", "url");
        }

        if (uri.UserInfo.Length > 0)
        {
            return NotificationErrors.WebhookUrlUserInfo.With("The URL carries no user name or password.", "url");
        }

        if (!allowListed && IsRefusedHost(uri))
        {
            return NotificationErrors.WebhookUrlAddress.With(
                "The URL points to this machine, a private, link-local or shared network, or a multicast address.",
                "url");
        }

        return uri;
    }

    /// <summary>A host as configured or as written in a URL, in the one form they are compared in.</summary>
    public static string NormalizeHost(string host) =>
        host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();

    private static bool IsRefusedHost(Uri uri)
    {
        var host = NormalizeHost(uri.IdnHost);
        if (IPAddress.TryParse(host, out var address))
        {
            return IsRefused(address);
        }

        // RFC 6761: "localhost" and every name under it are loopback, whatever a resolver says.
        return host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal);
    }

    private static bool IsRefusedV4(byte[] b) =>
        b[0] == 0 // "this network", 0.0.0.0 among it
        || b[0] == 10 // RFC 1918
        || b[0] == 127 // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64) // shared address space (carrier-grade NAT), RFC 6598
        || (b[0] == 169 && b[1] == 254) // link-local, where cloud metadata services answer
        || (b[0] == 172 && (b[1] & 0xF0) == 16) // RFC 1918
        || (b[0] == 192 && b[1] == 168) // RFC 1918
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments, RFC 6890
        || (b[0] == 198 && (b[1] & 0xFE) == 18) // benchmarking, RFC 2544
        || b[0] >= 224; // multicast, reserved and broadcast

    private static bool IsRefusedV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        // ::/96 holds the unspecified address, loopback and the deprecated IPv4-compatible forms.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        // NAT64 (RFC 6052, 64:ff9b::/96) reaches the IPv4 address in its last four bytes.
        if (b.AsSpan(0, 4).SequenceEqual(Nat64Prefix) && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsRefusedV4(b[12..]);
        }

        // 6to4 (2002::/16) carries an IPv4 address in bytes 2 to 5; a relay would deliver it there.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsRefusedV4(b[2..6]);
        }

        // Teredo (2001::/32) and NAT64's local-use prefix (64:ff9b:1::/48) tunnel or translate to addresses this
        // check cannot see, so neither is a webhook's destination.
        if ((b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
            || (b.AsSpan(0, 4).SequenceEqual(Nat64Prefix) && b[4] == 0 && b[5] == 1))
        {
            return true;
        }

        return address.IsIPv6LinkLocal // fe80::/10
            || address.IsIPv6SiteLocal // fec0::/10, deprecated but still routed by some networks
            || address.IsIPv6UniqueLocal // fc00::/7
            || address.IsIPv6Multicast; // ff00::/8
    }
}

/// <summary>
/// Thrown from inside the HTTP stack, the only way a connect callback can say no; the delivery turns it into a failed
/// attempt.
/// </summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"The webhook host {host} resolves only to addresses a webhook may not reach.")
{
    public string Host { get; } = host;
}
