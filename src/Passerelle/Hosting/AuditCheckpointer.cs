using Microsoft.Extensions.Options;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Hosting;

/// <summary>Writes a signed checkpoint of the chain at start-up and every <c>Audit:CheckpointMinutes</c>.</summary>
internal sealed class AuditCheckpointer(
    IServiceScopeFactory scopes, IOptions<AuditSettings> settings, ILogger<AuditCheckpointer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.Value.CheckpointMinutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<WriteAuditCheckpoint>().WriteAsync(ct);
                if (written.Succeeded)
                {
                    var c = written.Value;
                    log.LogInformation("Audit checkpoint: entry {Sequence}, hash {Hash}, signature {Signature}",
                        c.Sequence, c.Hash, c.Signature);
                }
                else
                {
                    log.LogError("No audit checkpoint written: {Error}", written.Error.Message);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not write an audit checkpoint; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}
