using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Passerelle.Core.TravelDocuments;

public static class TravelDocumentsSetup
{
    public static IServiceCollection AddTravelDocuments(this IServiceCollection services)
    {
        services.AddOptions<RegisterSettings>().BindConfiguration(RegisterSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RegisterSettings>>().Value);
        services.AddSingleton<ScreeningIndex>();
        services.AddScoped<DocumentWriter>();
        services.AddScoped<RegisterDocument>();
        services.AddScoped<ChangeDocument>();
        services.AddScoped<DeleteDocument>();
        services.AddScoped<FindDocuments>();
        services.AddScoped<FollowRegister>();
        services.AddScoped<ImportDocuments>();
        services.AddScoped<ExportDocuments>();
        services.AddScoped<PurgeRegister>();
        services.AddScoped<ScreenDocuments>();
        return services;
    }
}
