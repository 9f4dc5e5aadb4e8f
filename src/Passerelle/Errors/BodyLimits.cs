using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Passerelle.Errors;

/// <summary>Refuses a body over the limit before reading it, whatever server hosts Passerelle.</summary>
internal static class BodyLimits
{
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>The route's own limit where it sets one (a manifest upload), else <c>Limits:MaxBodyBytes</c>.</summary>
    public static long MaxBytes(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Limits:MaxBodyBytes", DefaultMaxBytes);

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = MaxBytes(http);
        if (http.Request.ContentLength > max)
        {
            await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "request.too-large", $"The body is larger than the limit of {max} bytes.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        await next(http);
    });
}
