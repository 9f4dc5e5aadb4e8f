using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Home;

public static class HomeSetup
{
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<CountWork>();
}
