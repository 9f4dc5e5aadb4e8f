using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Authentications;

public static class AuthenticationsSetup
{
    /// <summary>Requests for authentication of detained goods, their steps, and the seizure statistics.</summary>
    public static IServiceCollection AddAuthentications(this IServiceCollection services)
    {
        services.AddScoped<AuthenticationViews>();
        services.AddScoped<AuthenticationStep>();
        services.AddScoped<RequestAuthentication>();
        services.AddScoped<ListAuthentications>();
        services.AddScoped<GetAuthentication>();
        services.AddScoped<GetAuthenticationActions>();
        services.AddScoped<ReplyToAuthentication>();
        services.AddScoped<PostAuthenticationMessage>();
        services.AddScoped<AddAuthenticationPhoto>();
        services.AddScoped<RecordAuthenticationOutcome>();
        services.AddScoped<SeizureStatistics>();
        return services;
    }
}
