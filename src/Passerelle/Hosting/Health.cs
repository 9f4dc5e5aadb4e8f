using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Passerelle.Hosting;

internal static class Health
{
    public static IServiceCollection AddPasserelleHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<Cached<DatabaseReadyCheck>>("database", tags: ["ready"])
            .AddCheck<Cached<AuditWriterCheck>>("audit", tags: ["ready"])
            .AddCheck<IndexFreshnessCheck>("indexes", tags: ["ready"])
            .AddCheck<Cached<WebhookBacklogCheck>>("webhooks", tags: ["ready"]);
        services.AddScoped<DatabaseReadyCheck>().AddScoped<AuditWriterCheck>().AddScoped<WebhookBacklogCheck>();
        services.AddSingleton<ReadinessCache>();
        services.AddOptions<HealthSettings>().BindConfiguration(HealthSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapPasserelleHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Each dependency with its status; what it says and its figures only where <c>Health:ShowDetails</c> allows, as
    /// the endpoint is anonymous and a queue's movement tells an outsider when the node is busy.
    /// </summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        var details = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthSettings>>()
            .Value.ShowDetails ?? http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => details
                    ? new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }
                    : (object)new { status = e.Value.Status.ToString() }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
