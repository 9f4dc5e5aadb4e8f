namespace Passerelle.Hosting;

internal static class RegisterHosting
{
    /// <summary>The node's screening index, loaded and following every write, and the hourly purge.</summary>
    public static IServiceCollection AddTravelDocumentsHosting(this IServiceCollection services)
    {
        services.AddSingleton<RegisterFollower>().AddHostedService(p => p.GetRequiredService<RegisterFollower>());
        services.AddHostedService<RegisterPurger>();
        return services;
    }
}
