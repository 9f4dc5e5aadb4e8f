using Passerelle.Api.Reference;

namespace Passerelle.Security;

internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference runs one inline start-up script, allowed by the nonce Scalar puts on it for this response
    // alone; its components set inline styles, so styles (never scripts) may be inline there.
    private static string DocsPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        var docs = http.Request.Path.StartsWithSegments(ApiReference.Path, StringComparison.OrdinalIgnoreCase);
        http.Response.OnStarting(() =>
        {
            if (docs && ApiReference.NonceOf(http) is { } nonce)
            {
                http.Response.Headers.ContentSecurityPolicy = DocsPolicy(nonce);
            }

            // Pages and answers carry records and people; a shared terminal's browser must not keep them. Static
            // files set their own lifetime (StaticAssets), and anything else that chose one keeps it.
            if (string.IsNullOrEmpty(http.Response.Headers.CacheControl))
            {
                http.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });

        await next(http);
    });
}
