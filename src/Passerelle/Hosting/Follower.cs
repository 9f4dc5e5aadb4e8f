using Passerelle.Core.Common;

namespace Passerelle.Hosting;

/// <summary>
/// An in-memory copy kept in step with the database: loaded before the server takes requests, then caught up on a
/// timer with whatever any node wrote since. Registered after <see cref="DatabaseStartup"/>, so the schema is ready.
/// </summary>
internal abstract class Follower(IServiceScopeFactory scopes, LogStorm storm, ILogger log) : BackgroundService
{
    /// <summary>When this node last caught up, for the readiness check; null until the first load.</summary>
    public DateTimeOffset? CaughtUpAt { get; private set; }

    /// <summary>What is followed, for the logs.</summary>
    protected abstract string What { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task LoadAsync(IServiceProvider services, CancellationToken ct);

    protected abstract Task CatchUpAsync(IServiceProvider services, CancellationToken ct);

    public override async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await LoadAsync(scope.ServiceProvider, ct);
        CaughtUpAt = TimeProvider.System.GetUtcNow();
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await CatchUpAsync(scope.ServiceProvider, ct);
                CaughtUpAt = TimeProvider.System.GetUtcNow();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (storm.Admit($"following {What}: {ex.GetType().Name}: {ex.Message}"))
                {
                    log.LogWarning(ex, "Could not follow {What} changes; retrying", What);
                }
            }
        }
    }
}
