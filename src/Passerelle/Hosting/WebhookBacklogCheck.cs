using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passerelle.Core.Notifications;

namespace Passerelle.Hosting;

/// <summary>Webhook deliveries still to be made; a backlog is reported, not held against readiness.</summary>
internal sealed class WebhookBacklogCheck(DeliverWebhooks deliveries) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var waiting = await deliveries.CountWaitingAsync(ct);
            return HealthCheckResult.Healthy(
                $"{waiting} deliveries waiting.", new Dictionary<string, object> { ["waiting"] = waiting });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The backlog cannot be counted just now.");
        }
    }
}
