using Passerelle.Core.Trust.Audit;

namespace Passerelle.Hosting;

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
            log.LogWarning(
                "Shutdown time ran out with {Queued} audit entries uncommitted; their requests got no answer",
                writer.State.Queued);
        }
    }
}
