using System.Collections.Concurrent;
using Passerelle.Core.Common;
using Passerelle.Core.Notifications;

namespace Passerelle.Hosting;

/// <summary>
/// Sends queued webhook deliveries as soon as they are queued, and retries failures on schedule. Each delivery runs
/// on its own, bounded by <c>Webhooks:TimeoutSeconds</c>, so a slow receiver holds up no other delivery.
/// </summary>
internal sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    WebhookSignal signal,
    LogStorm storm,
    ILogger<WebhookDispatcher> log)
    : BackgroundService
{
    /// <summary>Deliveries in flight at once on this node; the rest wait in the database, still due.</summary>
    private const int MaxInFlight = 32;

    private readonly ConcurrentDictionary<Guid, Task> inFlight = new();
    private readonly SemaphoreSlim slots = new(MaxInFlight, MaxInFlight);

    /// <summary>
    /// Cancelled only when the shutdown time runs out, so a stopping node finishes the deliveries it began.
    /// </summary>
    private readonly CancellationTokenSource hardStop = new();

    public override async Task StopAsync(CancellationToken ct)
    {
        await using var _ = ct.Register(hardStop.Cancel);
        await base.StopAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await ProtectPlainSecretsAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (await StartDueAsync(ct) == 0)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(5), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }

        try
        {
            // What is due now is sent before the node goes, within the shutdown time.
            await StartDueAsync(hardStop.Token);
        }
        finally
        {
            // Anything cut short is still leased in the database and is sent again once the lease runs out.
            await Task.WhenAll(inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// The slots are not disposed: a delivery cut off by the shutdown time may still release one after this runs,
    /// and a semaphore whose wait handle was never asked for holds nothing to free.
    /// </summary>
    public override void Dispose()
    {
        hardStop.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Encrypts secrets left in plain text by the version before; the database has been migrated by now, because the
    /// start-up that migrates or refuses runs first. A failure only leaves them plain a little longer: they still sign.
    /// </summary>
    private async Task ProtectPlainSecretsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProtectPlainWebhookSecrets>().HandleAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not encrypt plain webhook secrets; they stay usable and are tried at next start");
        }
    }

    private async Task<int> StartDueAsync(CancellationToken ct)
    {
        try
        {
            var free = slots.CurrentCount;
            if (free == 0)
            {
                return 0;
            }

            foreach (var (id, task) in inFlight)
            {
                if (task.IsCompleted)
                {
                    inFlight.TryRemove(id, out _);
                }
            }

            await using var scope = scopes.CreateAsyncScope();
            var due = await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().ClaimDueAsync(free, ct);
            foreach (var delivery in due)
            {
                await slots.WaitAsync(ct);
                var token = hardStop.Token;
                inFlight[delivery.Id] = Task.Run(() => DeliverAsync(delivery, token), CancellationToken.None);
            }

            return due.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (storm.Admit($"webhook claim: {ex.GetType().Name}: {ex.Message}"))
            {
                log.LogWarning(ex, "Could not look for due webhook deliveries; retrying");
            }

            return 0;
        }
    }

    private async Task DeliverAsync(DueDelivery delivery, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deliver = scope.ServiceProvider.GetRequiredService<DeliverWebhooks>();
            var outcome = await deliver.SendAsync(clients.CreateClient(WebhookHttp.ClientName), delivery, ct);
            await deliver.RecordAsync(delivery, outcome, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not record webhook delivery {Delivery}; it is retried once its lease runs out",
                delivery.Id);
        }
        finally
        {
            slots.Release();
        }
    }
}
