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

    /// <summary>
    /// Sets the headers before the request goes on, and passes it on without a state machine of its own: every request
    /// meets this. Pages and answers carry records and people, so a shared terminal's browser must not keep them:
    /// <c>no-store</c> unless whatever answers chooses a lifetime (static files set theirs, StaticAssets).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        if (http.Request.Path.StartsWithSegments(ApiReference.Path, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.OnStarting(() =>
            {
                if (ApiReference.NonceOf(http) is { } nonce)
                {
                    http.Response.Headers.ContentSecurityPolicy = DocsPolicy(nonce);
                }

                return Task.CompletedTask;
            });
        }

        return next(http);
    });
}
