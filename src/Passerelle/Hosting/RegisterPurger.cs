using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Hosting;

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
                var scheduler = Actor.Console() with { Login = "passerelle:purge", Source = "scheduler" };
                var purged = await scope.ServiceProvider.GetRequiredService<PurgeRegister>().HandleAsync(scheduler, ct);
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
