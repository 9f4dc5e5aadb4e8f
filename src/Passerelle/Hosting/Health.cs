using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passerelle.Core.Audit;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;

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

/// <summary>
/// Unready while the audit writer cannot commit: every consultation waits for its entry, so a node whose writer
/// fails can answer nothing useful, and the load balancer should send the border posts elsewhere.
/// </summary>
internal sealed class AuditWriterCheck(AuditWriter writer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var recovered = await writer.CanCommitAsync(ct);
        var state = writer.State;
        var data = new Dictionary<string, object>
        {
            ["queued"] = state.Queued,
            ["lastCommitAt"] = state.LastCommitAt?.ToString("O") ?? "",
        };
        return !recovered && state.FailingSince is { } since
            ? HealthCheckResult.Unhealthy($"Audit entries cannot be committed since {since:O}.", data: data)
            : HealthCheckResult.Healthy("Audit entries are committed.", data);
    }
}

/// <summary>How long ago the node's in-memory indexes caught up with the database; too long ago, and it is unready.</summary>
internal sealed class IndexFreshnessCheck(RegisterFollower register, CatalogueFollower catalogue) : IHealthCheck
{
    /// <summary>Twice and more the followers' retry cadence: past it, answers from this node may be stale.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Wall-clock time, as the followers stamp it: freshness is about now, whatever clock the rules are given.
        var now = TimeProvider.System.GetUtcNow();
        var ages = new Dictionary<string, object>();
        var stale = new List<string>();
        foreach (var (name, at) in new[] { ("register", register.CaughtUpAt), ("catalogue", catalogue.CaughtUpAt) })
        {
            var age = at is { } caughtUp ? (now - caughtUp).TotalSeconds : double.PositiveInfinity;
            ages[$"{name}AgeSeconds"] = double.IsFinite(age) ? Math.Round(age, 1) : -1;
            if (age > MaxAge.TotalSeconds)
            {
                stale.Add(name);
            }
        }

        return Task.FromResult(stale.Count == 0
            ? HealthCheckResult.Healthy("The indexes follow the database.", ages)
            : HealthCheckResult.Unhealthy($"Not caught up for over {MaxAge.TotalSeconds:0} s: {string.Join(", ", stale)}.",
                data: ages));
    }
}

/// <summary>Webhook deliveries still to be made; a backlog is reported, not held against readiness.</summary>
internal sealed class WebhookBacklogCheck(DeliverWebhooks deliveries) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var waiting = await deliveries.CountWaitingAsync(ct);
            return HealthCheckResult.Healthy($"{waiting} deliveries waiting.", new Dictionary<string, object> { ["waiting"] = waiting });
        }
        catch (Exception ex) when (DatabaseFaults.Classify(ex) != StorageFault.None)
        {
            return HealthCheckResult.Degraded("The backlog cannot be counted while the database is unavailable.");
        }
    }
}

internal static class Health
{
    public static IServiceCollection AddPasserelleHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<AuditWriterCheck>("audit", tags: ["ready"])
            .AddCheck<IndexFreshnessCheck>("indexes", tags: ["ready"])
            .AddCheck<WebhookBacklogCheck>("webhooks", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapPasserelleHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Each dependency with its status, what it says and its figures; the status code says ready or not.</summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
