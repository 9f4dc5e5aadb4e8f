using Microsoft.Extensions.Options;

namespace Passerelle.Hosting;

internal static class Shutdown
{
    /// <summary>
    /// Registered second, right after the database start-up, so that <see cref="AuditWriterDrain"/> stops second to
    /// last: after every service that writes audit entries.
    /// </summary>
    public static IServiceCollection AddPasserelleShutdown(this IServiceCollection services)
    {
        services.AddHostedService<AuditWriterDrain>();
        services.AddOptions<ShutdownSettings>().BindConfiguration(ShutdownSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownSettings>>((host, settings) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(settings.Value.TimeoutSeconds));
        return services;
    }
}
