using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Passerelle.Localization;

internal static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("fr")];

    public static IServiceCollection AddPasserelleLocalization(this IServiceCollection services)
    {
        services.AddSingleton<UiText>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // A choice made in the UI (a cookie) wins over the browser's Accept-Language.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UsePasserelleLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization();
}
