using Passerelle.Api;
using Passerelle.Api.Reference;
using Passerelle.Core;
using Passerelle.Errors;
using Passerelle.Hosting;
using Passerelle.Localization;
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
        // Kestrel's ceiling is the largest route limit; BodyLimits applies each route's own.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Math.Max(Api.Documents.DocumentsApi.ImportBodyBytes, builder.Configuration.GetValue("Limits:MaxBodyBytes", BodyLimits.DefaultMaxBytes)));
        builder.AddPasserelleTelemetry();

        var services = builder.Services;
        // Migrates in the host's Starting phase, before any service (data protection's key ring) reads the database.
        services.AddHostedService<DatabaseStartup>();
        // Second, so it stops second to last: after every service that writes audit entries.
        services.AddHostedService<AuditWriterDrain>();
        services.AddPasserelleShutdown();
        services.AddPasserelleCore();
        services.AddPasserelleAuth();
        services.AddPasserelleProblems();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddPasserelleRateLimits();
        services.AddPasserelleHealth();
        services.AddPasserelleLocalization();
        services.AddSingleton<RegisterFollower>().AddHostedService(p => p.GetRequiredService<RegisterFollower>());
        services.AddSingleton<CatalogueFollower>().AddHostedService(p => p.GetRequiredService<CatalogueFollower>());
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<RegisterPurger>();
        services.AddWebhookHttp();
        services.AllowCheckpointKeyCreation(builder.Environment);
        services.AddHostedService<AuditCheckpointer>();
        services.AddHostedService<TokenRefusalCloser>();
        services.AddHostedService<LogStormReporter>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddPasserelleTrustedProxies(builder.Configuration);
        services.AddOpenApi();
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(Pages.PageAccessFilter))));
        services.AddScoped<Pages.PageAccessFilter>();
        // Every node signs cookies and antiforgery tokens, and encrypts webhook secrets, with the same keys, kept in
        // the database and encrypted at rest with the configured certificate.
        services.AddPasserelleDataProtection(builder.Configuration, builder.Environment);
        services.AddAntiforgery(o => o.Cookie.Name = "passerelle.af");
        services.AddPasserelleHttps(builder.Configuration, builder.Environment);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(Errors.Problems.WriteStatusAsync);
        app.UsePasserelleHttps();

        app.UseSecurityHeaders();
        app.UseApiReferenceLanguage();
        app.UsePasserelleStaticFiles();
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
