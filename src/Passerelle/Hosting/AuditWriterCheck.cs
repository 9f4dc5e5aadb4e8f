using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Hosting;

/// <summary>
/// Unready while the audit writer cannot commit: every consultation waits for its entry, so a node whose writer
/// fails can answer nothing useful, and the load balancer should send the border posts elsewhere.
/// </summary>
internal sealed class AuditWriterCheck(AuditWriter writer) : IHealthCheck
{
    /// <summary>
    /// A batch takes milliseconds; one still committing after this is stuck, on a lock or a dead link.
    /// </summary>
    public static readonly TimeSpan MaxCommit = TimeSpan.FromSeconds(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var recovered = await writer.CanCommitAsync(ct);
        var state = writer.State;
        var data = new Dictionary<string, object>
        {
            ["queued"] = state.Queued,
            ["lastCommitAt"] = state.LastCommitAt?.ToString("O") ?? "",
        };
        var now = TimeProvider.System.GetUtcNow();
        return state switch
        {
            { Stopped: true } => HealthCheckResult.Unhealthy("The audit writer has stopped.", data: data),
            { FailingSince: { } since } when !recovered =>
                HealthCheckResult.Unhealthy($"Audit entries cannot be committed since {since:O}.", data: data),
            { CommittingSince: { } started } when now - started > MaxCommit =>
                HealthCheckResult.Unhealthy($"An audit commit has been waiting since {started:O}.", data: data),
            _ => HealthCheckResult.Healthy("Audit entries are committed.", data),
        };
    }
}
