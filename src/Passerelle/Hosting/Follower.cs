namespace Passerelle.Hosting;

/// <summary>
/// An in-memory copy kept in step with the database: loaded before the server takes requests, then caught up on a
/// timer with whatever any node wrote since. Registered after <see cref="DatabaseStartup"/>, so the schema is ready.
/// </summary>
internal abstract class Follower(IServiceScopeFactory scopes, ILogger log) : BackgroundService
{
    /// <summary>What is followed, for the logs.</summary>
    protected abstract string What { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task LoadAsync(IServiceProvider services, CancellationToken ct);

    protected abstract Task CatchUpAsync(IServiceProvider services, CancellationToken ct);

    public override async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await LoadAsync(scope.ServiceProvider, ct);
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
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not follow {What} changes; retrying", What);
            }
        }
    }
}
