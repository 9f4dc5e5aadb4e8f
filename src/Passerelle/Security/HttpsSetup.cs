using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Passerelle.Security;

/// <summary>
/// <c>Https:Required</c> (true by default, false in Development) decides HTTPS redirection, HSTS and the cookies'
/// Secure flag. The request's Host header never does: it is whatever the client sends, and a node behind a proxy that
/// ends TLS would otherwise hand out session cookies fit to travel in clear.
/// </summary>
internal static class HttpsSetup
{
    /// <summary>Read while the services are registered, since it decides which of them there are.</summary>
    public static bool IsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(HttpsSettings.Section).Get<HttpsSettings>()?.Required ?? !environment.IsDevelopment();

    /// <summary>The same answer for a request, from the validated options.</summary>
    public static bool IsRequired(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<HttpsSettings>>().Value.Required
        ?? !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();

    public static IServiceCollection AddPasserelleHttps(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var required = IsRequired(configuration, environment);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        services.AddOptions<HttpsSettings>().BindConfiguration(HttpsSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HttpsRedirectionOptions>()
            .Configure<IOptions<HttpsSettings>>((o, settings) => o.HttpsPort = settings.Value.Port);

        // In Development a cookie still gets Secure when the request came over HTTPS.
        var secure = required ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);
        services.PostConfigure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(
            o => o.Cookie.SecurePolicy = secure);
        return services;
    }

    public static IApplicationBuilder UsePasserelleHttps(this WebApplication app)
    {
        if (IsRequired(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }
}
