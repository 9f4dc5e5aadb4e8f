using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.Hosting;

/// <summary>
/// Writes the counts of junk bearer tokens once their minute is over, and whatever is still counted at shutdown, so
/// no refusal goes unrecorded.
/// </summary>
internal sealed class TokenRefusalCloser(TokenRefusals refusals, AuditWriter audit, ILogger<TokenRefusalCloser> log)
    : BackgroundService
{
    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        try
        {
            await audit.AppendAsync(refusals.Close(all: true), ct);
        }
        catch (Exception ex)
            when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The host tore the services down first (a test server does); say what is lost rather than fail the stop.
            log.LogWarning(ex, "The last junk-token counts were not written to the audit trail at shutdown");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await audit.AppendAsync(refusals.Close(), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not write token refusal counts; retrying");
            }
        }
    }
}
