using System.ComponentModel.DataAnnotations;

namespace Passerelle.Security;

/// <summary><c>Https:Required</c> and <c>Https:Port</c>; see <see cref="HttpsSetup"/>.</summary>
internal sealed class HttpsSettings
{
    public const string Section = "Https";

    /// <summary>Unset: required everywhere but in Development.</summary>
    public bool? Required { get; set; }

    /// <summary>Where a plain-HTTP request is sent: the port the proxy or the server answers HTTPS on.</summary>
    [Range(1, 65535, ErrorMessage = "Https:Port is the port HTTPS is answered on, from 1 to 65535.")]
    public int Port { get; set; } = 443;
}
