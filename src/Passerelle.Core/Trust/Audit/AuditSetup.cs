using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Trust.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditSettings>().BindConfiguration(AuditSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditedChange>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditCheckpointKey>();
        services.AddScoped<VerifyAuditTrail>();
        services.AddScoped<SearchAuditTrail>();
        services.AddScoped<WriteAuditCheckpoint>();
        return services;
    }
}
