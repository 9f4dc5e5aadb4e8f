using Passerelle.Api;
using Passerelle.Api.Reference;
using Passerelle.Core;
using Passerelle.Errors;
using Passerelle.Hosting;
using Passerelle.Localization;
using Passerelle.Pages;
using Passerelle.Security;

namespace Passerelle;

/// <summary>The web server: API, UI, health and API reference, in the order a request meets them.</summary>
internal static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        DatabaseStartup.RefuseDemoInProduction(builder.Configuration, builder.Environment);
        builder.WebHost.UseStaticWebAssets();
        builder.AddPasserelleTelemetry();

        var services = builder.Services;
        // Migrates in the host's Starting phase, before any service (data protection's key ring) reads the database.
        services.AddHostedService<DatabaseStartup>();
        services.AddPasserelleShutdown();
        services.AddPasserelleCore();
        services.AddPasserelleAuth();
        services.AddPasserelleErrors();
        services.AddPasserelleRateLimits();
        services.AddPasserelleHealth();
        services.AddPasserelleLocalization();
        services.AddTravelDocumentsHosting();
        services.AddProductsHosting();
        services.AddNotificationsHosting();
        services.AddAuditHosting(builder.Environment);
        services.AddHostedService<LogStormReporter>();
        services.AddPasserelleTrustedProxies(builder.Configuration);
        services.AddPasserelleApi();
        services.AddPasserellePages();
        // Every node signs cookies and antiforgery tokens, and encrypts webhook secrets, with the same keys, kept in
        // the database and encrypted at rest with the configured certificate.
        services.AddPasserelleDataProtection(builder.Configuration, builder.Environment);
        services.AddPasserelleHttps(builder.Configuration, builder.Environment);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(Errors.Problems.WriteStatusAsync);
        app.UsePasserelleHttps();

        app.UseSecurityHeaders();
        app.UseApiReferenceLanguage();
        // The API serves no files: its requests skip looking for one, which cost every screening a file-system lookup.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            site => site.UsePasserelleStaticFiles());
        app.UsePasserelleLocalization();
        app.UseRouting();
        app.UseBodyLimits();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAccountGates();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapPasserelleHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapPasserelleApiReference();
        app.MapPasserelleApi();
        app.MapRazorPages();
        return app;
    }
}
