using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Trust.Agencies;

public static class AgenciesSetup
{
    public static IServiceCollection AddAgencies(this IServiceCollection services)
    {
        services.AddSingleton<AgencyDirectory>();
        services.AddScoped<AddAgency>();
        services.AddScoped<ListAgencies>();
        services.AddScoped<VerifyRightsHolder>();
        services.AddScoped<ChangeAgencySettings>();
        return services;
    }
}
