using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Backup;

public static class BackupSetup
{
    public static IServiceCollection AddBackup(this IServiceCollection services)
    {
        services.AddScoped<BackupDatabase>();
        services.AddScoped<RestoreDatabase>();
        return services;
    }
}
