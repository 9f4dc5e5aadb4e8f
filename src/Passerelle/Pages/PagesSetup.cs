using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Passerelle.Pages;

internal static class PagesSetup
{
    /// <summary>Razor Pages, each asked its rule by <see cref="PageAccessFilter"/> before any handler runs.</summary>
    public static IServiceCollection AddPasserellePages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(PageAccessFilter)));
            // Index pages that moved to their capability's folder keep the second address an index page answers at,
            // so bookmarks and border-post shortcuts to it still open.
            o.Conventions.AddPageRouteModelConvention("/TravelDocuments/Screen", m => AlsoAnswer(m, "Screen/Index"));
            o.Conventions.AddPageRouteModelConvention(
                "/TravelDocuments/Documents", m => AlsoAnswer(m, "Documents/Index"));
        });
        services.AddScoped<PageAccessFilter>();
        services.AddAntiforgery(o => o.Cookie.Name = "passerelle.af");
        return services;
    }

    // An address the page opens at but never links to: links and redirects keep the page's own template.
    private static void AlsoAnswer(PageRouteModel page, string template) =>
        page.Selectors.Add(new SelectorModel
        {
            AttributeRouteModel = new AttributeRouteModel { Template = template, SuppressLinkGeneration = true },
        });
}
