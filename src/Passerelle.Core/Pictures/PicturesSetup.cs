using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Passerelle.Core.Pictures;

public static class PicturesSetup
{
    public static IServiceCollection AddPictures(this IServiceCollection services)
    {
        services.AddOptions<PicturesSettings>().BindConfiguration(PicturesSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BlobSettings>().BindConfiguration(BlobSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBlobStore>(provider =>
            new FileSystemBlobStore(provider.GetRequiredService<IOptions<BlobSettings>>().Value.Path));
        services.AddSingleton<ImageWork>();
        services.AddSingleton<BarcodePhoto>();
        services.AddScoped<PictureStore>();
        services.AddScoped<ProductPictures>();
        services.AddScoped<ShowPicture>();
        return services;
    }
}
