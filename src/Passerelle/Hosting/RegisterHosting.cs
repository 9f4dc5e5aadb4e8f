using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Hosting;

internal static class RegisterHosting
{
    /// <summary>The node's screening index, loaded and following every write, and the hourly purge.</summary>
    public static IServiceCollection AddTravelDocumentsHosting(this IServiceCollection services)
    {
        services.AddSingleton<RegisterFollower>().AddHostedService(p => p.GetRequiredService<RegisterFollower>());
        services.AddHostedService<RegisterPurger>();
        return services;
    }
}

/// <summary>The screening index: every screenable record, changed on any node.</summary>
internal sealed class RegisterFollower(
    IServiceScopeFactory scopes, IOptions<RegisterSettings> settings, LogStorm storm, ILogger<RegisterFollower> log)
    : Follower(scopes, storm, log)
{
    protected override string What => "register";

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(settings.Value.FollowMilliseconds);

    protected override async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var loaded = await services.GetRequiredService<FollowRegister>().LoadAsync(ct);
        log.LogInformation("Screening index loaded: {Records} records in {Elapsed} ms", loaded, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    protected override Task CatchUpAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<FollowRegister>().CatchUpAsync(ct);
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
                var scheduler = Core.Trust.Access.Actor.Console()
                    with { Login = "passerelle:purge", Source = "scheduler" };
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
