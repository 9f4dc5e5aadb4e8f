using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Passerelle.Api;
using Passerelle.Core;
using Passerelle.Core.Data;
using Passerelle.Errors;
using Passerelle.Hosting;
using Passerelle.Localization;
using Passerelle.Security;
using Scalar.AspNetCore;

namespace Passerelle;

/// <summary>The web server: API, UI, health and API reference, in the order a request meets them.</summary>
internal static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseStaticWebAssets();
        // Kestrel's ceiling is the largest route limit; BodyLimits applies each route's own.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Math.Max(Api.Documents.DocumentsApi.ImportBodyBytes, builder.Configuration.GetValue("Limits:MaxBodyBytes", BodyLimits.DefaultMaxBytes)));
        builder.AddPasserelleTelemetry();

        var services = builder.Services;
        services.AddPasserelleCore();
        services.AddPasserelleAuth();
        services.AddPasserelleProblems();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddPasserelleRateLimits();
        services.AddPasserelleHealth();
        services.AddPasserelleLocalization();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<RegisterFollower>();
        services.AddHostedService<CatalogueFollower>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<RegisterPurger>();
        services.AllowCheckpointKeyCreation(builder.Environment);
        services.AddHostedService<AuditCheckpointer>();
        services.AddHostedService<TokenRefusalCloser>();
        services.AddHttpClient("webhooks");
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddOpenApi();
        services.AddRazorPages();
        // Every node signs cookies and antiforgery tokens with the same keys, kept in the database.
        services.AddDataProtection().SetApplicationName("passerelle").PersistKeysToDbContext<PasserelleDb>();
        services.AddAntiforgery(o => o.Cookie.Name = "passerelle.af");
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(http => !IsLocalhost(http.Request.Host.Host), remote =>
        {
            remote.UseHsts();
            remote.UseHttpsRedirection();
        });

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UsePasserelleLocalization();
        app.UseRouting();
        app.UseBodyLimits();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseTotpEnrolmentGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapPasserelleHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Passerelle API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapPasserelleApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>HSTS and HTTPS redirection apply everywhere but on the machine itself.</summary>
    private static bool IsLocalhost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
}
