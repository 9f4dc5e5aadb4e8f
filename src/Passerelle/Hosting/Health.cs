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
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database could not be reached.");
        }
    }
}

internal static class Health
{
    public static IServiceCollection AddPasserelleHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapPasserelleHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
