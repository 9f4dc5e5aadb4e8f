using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Hosting;

/// <summary><c>Shutdown:*</c>: how long a stopping node may take to finish what it started.</summary>
internal sealed class ShutdownSettings
{
    public const string Section = "Shutdown";

    /// <summary>From SIGTERM to exit: requests in flight finish, then the audit writer and webhooks drain.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;
}

internal static class Shutdown
{
    /// <summary>
    /// Registered second, right after the database start-up, so that <see cref="AuditWriterDrain"/> stops second to
    /// last: after every service that writes audit entries.
    /// </summary>
    public static IServiceCollection AddPasserelleShutdown(this IServiceCollection services)
    {
        services.AddHostedService<AuditWriterDrain>();
        services.AddOptions<ShutdownSettings>().BindConfiguration(ShutdownSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownSettings>>((host, settings) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(settings.Value.TimeoutSeconds));
        return services;
    }
}

/// <summary>
/// Stops last among the services that write audit entries (it is registered before them, and the host stops
/// services in reverse order, after the web server has let its requests finish): it waits until every queued entry
/// is committed, within what is left of <c>Shutdown:TimeoutSeconds</c>.
/// </summary>
internal sealed class AuditWriterDrain(AuditWriter writer, ILogger<AuditWriterDrain> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken ct)
    {
        var queued = writer.State.Queued;
        try
        {
            await writer.CompleteAsync(ct);
            log.LogInformation("Audit writer drained: {Queued} entries were waiting at shutdown", queued);
        }
        catch (OperationCanceledException)
        {
            // Entries still queued belong to requests that were never answered, so no answer lacks its entry.
            log.LogWarning("Shutdown time ran out with {Queued} audit entries uncommitted; their requests got no answer",
                writer.State.Queued);
        }
    }
}
