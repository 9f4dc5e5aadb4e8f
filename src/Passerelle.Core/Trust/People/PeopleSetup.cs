using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Passerelle.Core.Trust.People;

public static class PeopleSetup
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddOptions<SignInSettings>().BindConfiguration(SignInSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>()
            .Configure<IOptions<SignInSettings>>((identity, settings) => settings.Value.Apply(identity));
        services.AddScoped<AddUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<DisableUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangeUserRoles>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<DescribeMe>();
        return services;
    }
}
