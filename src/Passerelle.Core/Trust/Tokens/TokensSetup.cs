using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Trust.Tokens;

public static class TokensSetup
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddSingleton<TokenCache>();
        services.AddSingleton<TokenRefusals>();
        services.AddScoped<CreateToken>();
        services.AddScoped<ListTokens>();
        services.AddScoped<RevokeToken>();
        services.AddScoped<AuthenticateToken>();
        return services;
    }
}
