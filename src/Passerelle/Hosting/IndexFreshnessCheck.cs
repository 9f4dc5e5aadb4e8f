using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Passerelle.Hosting;

/// <summary>
/// How long ago the node's in-memory indexes caught up with the database; too long ago, and it is unready.
/// </summary>
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
            : HealthCheckResult.Unhealthy(
                $"Not caught up for over {MaxAge.TotalSeconds:0} s: {string.Join(", ", stale)}.",
                data: ages));
    }
}
