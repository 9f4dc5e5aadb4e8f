using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Alerts;

public static class AlertsSetup
{
    /// <summary>Rights holders' alerts about suspect shipments, and who sees them.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddScoped<AlertsForReader>();
        services.AddScoped<SaveAlert>();
        services.AddScoped<CloseAlert>();
        services.AddScoped<ListAlerts>();
        return services;
    }
}
