using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Passerelle.Core.Notifications;

namespace Passerelle.Hosting;

/// <summary>
/// The HTTP client webhooks are sent with. It resolves each host itself and connects only to addresses
/// <see cref="WebhookAddress"/> allows (unless the host is allow-listed), so a name that passed registration and now
/// resolves to this machine or the private network reaches nothing. It follows no redirect, since a redirect could
/// point anywhere, and uses no proxy, since then the proxy's address would be the one checked.
/// </summary>
internal static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static IServiceCollection AddWebhookHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            .ConfigureHttpClient(client => client.MaxResponseContentBufferSize = DeliverWebhooks.MaxAnswerBytes)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var settings = provider.GetRequiredService<IOptions<WebhookSettings>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    MaxResponseHeadersLength = 16,
                    ConnectTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
                    ConnectCallback = (context, ct) => ConnectAsync(settings, context.DnsEndPoint, ct),
                };
            });
        return services;
    }

    private static async ValueTask<Stream> ConnectAsync(
        WebhookSettings settings, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(WebhookAddress.NormalizeHost(endpoint.Host), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (!settings.IsAllowListed(endpoint.Host))
        {
            addresses = [.. addresses.Where(a => !WebhookAddress.IsRefused(a))];
        }

        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException(endpoint.Host);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
