using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Passerelle.Hosting;

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
