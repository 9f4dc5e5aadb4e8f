using Passerelle.Api.Reference;

namespace Passerelle.Security;

internal static class SecurityHeaders
{
    private const string NoStore = "no-store";

    /// <summary>
    /// What a page that holds personal data sends: the antiforgery token of any form on it would replace a bare
    /// <c>no-store</c> with this, and warn in the log each time.
    /// </summary>
    public const string PageNoStore = "no-cache, no-store";

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
    /// Sets the headers and passes the request on without a state machine of its own: every request meets this. Pages
    /// and answers carry records and people, so a shared terminal's browser must not keep them: <c>no-store</c>, unless
    /// whatever answers chooses a lifetime (static files set theirs, StaticAssets; a page's antiforgery token sets
    /// <c>no-cache, no-store</c>, and warns in the log if it finds another value already set). So an API answer, which
    /// has neither, gets it at once; anything else when it starts.
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
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = NoStore;
            return next(http);
        }

        var docs = path.StartsWithSegments(ApiReference.Path, StringComparison.OrdinalIgnoreCase);
        http.Response.OnStarting(() =>
        {
            if (docs && ApiReference.NonceOf(http) is { } nonce)
            {
                http.Response.Headers.ContentSecurityPolicy = DocsPolicy(nonce);
            }

            if (string.IsNullOrEmpty(http.Response.Headers.CacheControl))
            {
                http.Response.Headers.CacheControl = NoStore;
            }

            return Task.CompletedTask;
        });
        return next(http);
    });
}
