using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Products;

namespace Passerelle.Hosting;

/// <summary>The product catalogue: published sheets by GTIN and open alerts, changed on any node.</summary>
internal sealed class CatalogueFollower(
    IServiceScopeFactory scopes,
    ProductCatalogue catalogue,
    IOptions<ProductsSettings> settings,
    LogStorm storm,
    ILogger<CatalogueFollower> log)
    : Follower(scopes, storm, log)
{
    protected override string What => "product catalogue";

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(settings.Value.FollowMilliseconds);

    protected override async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        await services.GetRequiredService<FollowCatalogue>().CatchUpAsync(ct);
        log.LogInformation(
            "Product catalogue loaded: {Sheets} sheets, {Gtins} GTINs in {Elapsed} ms",
            catalogue.Sheets,
            catalogue.Gtins,
            (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    protected override Task CatchUpAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<FollowCatalogue>().CatchUpAsync(ct);
}
