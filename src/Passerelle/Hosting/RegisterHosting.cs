using Microsoft.Extensions.Options;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Hosting;

/// <summary>
/// Loads the screening index before the server takes requests, then follows changes written by other nodes.
/// Registered after <see cref="DatabaseStartup"/>, so the schema is ready.
/// </summary>
internal sealed class RegisterFollower(IServiceScopeFactory scopes, IOptions<RegisterSettings> settings, ILogger<RegisterFollower> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var started = TimeProvider.System.GetTimestamp();
        var loaded = await scope.ServiceProvider.GetRequiredService<FollowRegister>().LoadAsync(ct);
        log.LogInformation("Screening index loaded: {Records} records in {Elapsed} ms", loaded, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.Value.FollowMilliseconds));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FollowRegister>().CatchUpAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not follow register changes; retrying");
            }
        }
    }
}

/// <summary>Purges records past their review date and grace period, at start-up and every hour after.</summary>
internal sealed class RegisterPurger(IServiceScopeFactory scopes, ILogger<RegisterPurger> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<PurgeRegister>().HandleAsync(Core.Access.Actor.Console() with { Login = "passerelle:purge", Source = "scheduler" }, ct);
                if (purged.Value > 0)
                {
                    log.LogInformation("Purged {Count} records past their review date", purged.Value);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not purge the register; retrying in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}

/// <summary>Sends queued webhook deliveries as soon as they are queued, and retries failures on schedule.</summary>
internal sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory clients, WebhookSignal signal, ILogger<WebhookDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().RunOnceAsync(clients.CreateClient("webhooks"), ct);
                if (sent > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Webhook delivery round failed; retrying");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(5), ct);
        }
    }
}
