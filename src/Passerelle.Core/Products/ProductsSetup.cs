using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Products;

public static class ProductsSetup
{
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.AddOptions<ProductsSettings>().BindConfiguration("Products")
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProductCatalogue>();
        services.AddScoped<FollowCatalogue>();
        services.AddScoped<SaveProduct>();
        services.AddScoped<PublishProduct>();
        services.AddScoped<LookUpProducts>();
        services.AddScoped<ListOwnProducts>();
        services.AddScoped<GetProduct>();
        return services;
    }
}
