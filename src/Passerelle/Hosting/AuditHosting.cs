using Microsoft.Extensions.Options;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.Hosting;

internal static class AuditHosting
{
    /// <summary>Checkpoints of the chain, and the counts of junk bearer tokens written to it.</summary>
    public static IServiceCollection AddAuditHosting(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AllowCheckpointKeyCreation(environment);
        services.AddHostedService<AuditCheckpointer>();
        services.AddHostedService<TokenRefusalCloser>();
        return services;
    }

    /// <summary>
    /// Outside Development and Testing the checkpoint key is the operator's to make and guard: a key made on the fly
    /// in production would sit wherever the data does, and protect nothing.
    /// </summary>
    public static IServiceCollection AllowCheckpointKeyCreation(
        this IServiceCollection services, IHostEnvironment environment) =>
        services.PostConfigure<AuditSettings>(s =>
            s.CreateKeyIfMissing |= environment.IsDevelopment() || environment.IsEnvironment("Testing"));
}

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
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException)
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
