using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Passerelle.Core.Notifications;

/// <summary>Where webhooks may point, and how long a receiver has to answer.</summary>
public sealed class WebhookSettings : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Host names or addresses an administrator trusts, such as a receiver on this machine. Only these may use plain
    /// http or sit on a loopback, private or link-local address; every other webhook is https to a public address.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>How long one delivery may take before it counts as failed; the others do not wait for it.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsAllowListed(string host)
    {
        var wanted = WebhookAddress.NormalizeHost(host);
        var wantedAddress = IPAddress.TryParse(wanted, out var parsed) ? parsed : null;
        foreach (var entry in AllowedHosts)
        {
            var allowed = WebhookAddress.NormalizeHost(entry);
            if (string.Equals(allowed, wanted, StringComparison.Ordinal)
                || (wantedAddress is not null && IPAddress.TryParse(allowed, out var address)
                    && address.Equals(wantedAddress)))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowedHosts)
        {
            var host = WebhookAddress.NormalizeHost(entry);
            if (!IPAddress.TryParse(host, out _) && Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                yield return new ValidationResult(
                    $"Webhooks:AllowedHosts holds \"{entry}\", which is not a host name or an IP address "
                    + "(no scheme, port or path).",
                    [nameof(AllowedHosts)]);
            }
        }
    }
}
