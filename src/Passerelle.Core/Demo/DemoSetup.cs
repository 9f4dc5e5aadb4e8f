using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Demo;

public static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoSettings>().BindConfiguration(DemoSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemoWorld>();
        return services;
    }
}
