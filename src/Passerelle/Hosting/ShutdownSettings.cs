using System.ComponentModel.DataAnnotations;

namespace Passerelle.Hosting;

/// <summary><c>Shutdown:*</c>: how long a stopping node may take to finish what it started.</summary>
internal sealed class ShutdownSettings
{
    public const string Section = "Shutdown";

    /// <summary>From SIGTERM to exit: requests in flight finish, then the audit writer and webhooks drain.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;
}
