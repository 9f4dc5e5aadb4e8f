using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passerelle.Core.Data;

namespace Passerelle.Hosting;

/// <summary>Ready means the database answers and holds every migration this build knows.</summary>
internal sealed class DatabaseReadyCheck(PasserelleDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are pending; run 'passerelle db migrate'.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong, the anonymous answer names no table, user or server.
            return HealthCheckResult.Unhealthy("The database could not be reached.");
        }
    }
}
