using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Passerelle.Errors;

/// <summary>Refuses a body over the limit before reading it, whatever server hosts Passerelle.</summary>
internal static class BodyLimits
{
    public static IServiceCollection AddBodyLimits(this IServiceCollection services)
    {
        services.AddOptions<BodyLimitSettings>().BindConfiguration(BodyLimitSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        // Kestrel's ceiling is the largest route limit; UseBodyLimits applies each route's own.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<BodyLimitSettings>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize =
                Math.Max(Api.TravelDocuments.DocumentsApi.ImportBodyBytes, limits.Value.MaxBodyBytes));
        return services;
    }

    /// <summary>The route's own limit where it sets one (a manifest upload), else <c>Limits:MaxBodyBytes</c>.</summary>
    public static long MaxBytes(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<IOptions<BodyLimitSettings>>().Value.MaxBodyBytes;

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var max = MaxBytes(http);
        if (http.Request.ContentLength > max)
        {
            return Problems.WriteAsync(http, HttpErrors.TooLarge, $"The body is larger than the limit of {max} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return next(http);
    });
}
