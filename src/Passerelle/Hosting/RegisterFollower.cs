using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Hosting;

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
        log.LogInformation("Screening index loaded: {Records} records in {Elapsed} ms",
            loaded, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    protected override Task CatchUpAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<FollowRegister>().CatchUpAsync(ct);
}
