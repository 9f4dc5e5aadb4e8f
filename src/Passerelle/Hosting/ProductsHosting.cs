namespace Passerelle.Hosting;

internal static class ProductsHosting
{
    /// <summary>The node's product catalogue, loaded and following every published sheet and alert.</summary>
    public static IServiceCollection AddProductsHosting(this IServiceCollection services)
    {
        services.AddSingleton<CatalogueFollower>().AddHostedService(p => p.GetRequiredService<CatalogueFollower>());
        return services;
    }
}
