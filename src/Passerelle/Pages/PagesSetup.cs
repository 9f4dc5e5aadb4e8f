using Microsoft.AspNetCore.Mvc;

namespace Passerelle.Pages;

internal static class PagesSetup
{
    /// <summary>Razor Pages, each asked its rule by <see cref="PageAccessFilter"/> before any handler runs.</summary>
    public static IServiceCollection AddPasserellePages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(PageAccessFilter))));
        services.AddScoped<PageAccessFilter>();
        services.AddAntiforgery(o => o.Cookie.Name = "passerelle.af");
        return services;
    }
}
