using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.Trust.Audit;

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

/// <summary>
/// Unready while the audit writer cannot commit: every consultation waits for its entry, so a node whose writer
/// fails can answer nothing useful, and the load balancer should send the border posts elsewhere.
/// </summary>
internal sealed class AuditWriterCheck(AuditWriter writer) : IHealthCheck
{
    /// <summary>A batch takes milliseconds; one still committing after this is stuck, on a lock or a dead link.</summary>
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The backlog cannot be counted just now.");
        }
    }
}

internal static class Health
{
    public static IServiceCollection AddPasserelleHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<Cached<DatabaseReadyCheck>>("database", tags: ["ready"])
            .AddCheck<Cached<AuditWriterCheck>>("audit", tags: ["ready"])
            .AddCheck<IndexFreshnessCheck>("indexes", tags: ["ready"])
            .AddCheck<Cached<WebhookBacklogCheck>>("webhooks", tags: ["ready"]);
        services.AddScoped<DatabaseReadyCheck>().AddScoped<AuditWriterCheck>().AddScoped<WebhookBacklogCheck>();
        services.AddSingleton<ReadinessCache>();
        services.AddOptions<HealthSettings>().BindConfiguration(HealthSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
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

    /// <summary>
    /// Each dependency with its status; what it says and its figures only where <c>Health:ShowDetails</c> allows, as
    /// the endpoint is anonymous and a queue's movement tells an outsider when the node is busy.
    /// </summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        var details = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthSettings>>()
            .Value.ShowDetails ?? http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => details
                    ? new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }
                    : (object)new { status = e.Value.Status.ToString() }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary><c>Health:*</c>.</summary>
internal sealed class HealthSettings
{
    public const string Section = "Health";

    /// <summary>Whether <c>/health/ready</c> shows each check's words and figures; unset, only in Development.</summary>
    public bool? ShowDetails { get; set; }
}

/// <summary>
/// The last answer of each check that touches the database, for a second: a load balancer polling, or anyone
/// calling the anonymous endpoint in a loop, costs the database at most one round a second per node.
/// </summary>
internal sealed class ReadinessCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Type, (DateTimeOffset At, HealthCheckResult Result)> results = [];
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>How long a check may take; past it, it counts as unhealthy until the next round.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> GetAsync(
        Type check, Func<CancellationToken, Task<HealthCheckResult>> run, CancellationToken ct)
    {
        await turn.WaitAsync(ct);
        try
        {
            var now = TimeProvider.System.GetUtcNow();
            if (results.TryGetValue(check, out var last) && now - last.At < Lifetime)
            {
                return last.Result;
            }

            // Not the caller's token: a caller who hangs up must not cancel the round, or a client opening and
            // dropping requests would make every next caller run the check again.
            using var bound = new CancellationTokenSource(Bound);
            HealthCheckResult result;
            try
            {
                result = await run(bound.Token);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                result = HealthCheckResult.Unhealthy($"No answer within {Bound.TotalSeconds:0} s.");
            }

            results[check] = (now, result);
            return result;
        }
        finally
        {
            turn.Release();
        }
    }

    public void Dispose() => turn.Dispose();
}

/// <summary>A check answered from <see cref="ReadinessCache"/>.</summary>
internal sealed class Cached<TCheck>(TCheck check, ReadinessCache cache) : IHealthCheck
    where TCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        cache.GetAsync(typeof(TCheck), bound => check.CheckHealthAsync(context, bound), ct);
}
