using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Hits;

public static class HitsSetup
{
    public static IServiceCollection AddHits(this IServiceCollection services)
    {
        services.AddScoped<OpenHits>();
        services.AddScoped<DecideHit>();
        services.AddScoped<ListHits>();
        return services;
    }
}
