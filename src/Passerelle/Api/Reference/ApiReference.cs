using Scalar.AspNetCore;

namespace Passerelle.Api.Reference;

/// <summary>
/// The API reference at <c>/api/docs</c>: Scalar, served from the binary's own copy of its script, with everything
/// that would reach Scalar's servers turned off. A border post's network may reach nothing else, and the page's
/// content security policy lets it reach nothing else either.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api/docs";

    public static IEndpointConventionBuilder MapPasserelleApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, o => o
            .WithTitle("Passerelle API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithFavicon("/favicon.svg")
            // Inter and JetBrains Mono come from fonts.scalar.com; the system's fonts read as well.
            .DisableDefaultFonts()
            // "Ask AI" and the MCP offer talk to Scalar's hosted services, which a node must not depend on.
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            // The toolbar's "Deploy" and "Generate SDK" lead to Scalar's hosted services too.
            .HideDeveloperTools()
            .HideClientButton()
            // The light theme, with text dark enough for WCAG AA contrast on its backgrounds (axe-core checks it).
            .ForceLightMode()
            .WithCustomCss(Contrast)
            // A fresh nonce a request lets the page's start-up script run without 'unsafe-inline' (SecurityHeaders).
            .WithNonce())
        .AllowAnonymous();

    private const string Contrast = """
        .light-mode, .light-mode .t-doc__sidebar {
          --scalar-color-1: #1b1b1b; --scalar-color-2: #404040; --scalar-color-3: #525252;
          --scalar-color-green: #0a6b3d; --scalar-color-blue: #1d4ed8; --scalar-color-orange: #8a4100;
          --scalar-color-yellow: #6b4e00; --scalar-color-red: #b42318; --scalar-color-purple: #6d28d9;
          --scalar-color-accent: #1d4ed8;
          --scalar-sidebar-color-1: #1b1b1b; --scalar-sidebar-color-2: #404040;
          --scalar-sidebar-search-color: #404040;
        }
        """;

    /// <summary>
    /// Scalar writes its page without a language; a screen reader needs one. The page (not its script) is small, so
    /// it is read whole and given <c>lang="en"</c>.
    /// </summary>
    public static IApplicationBuilder UseApiReferenceLanguage(this IApplicationBuilder app) =>
        app.Use((http, next) => IsReference(http.Request.Path) ? WithLanguageAsync(http, next) : next(http));

    private static bool IsReference(PathString path) =>
        string.Equals(path.Value?.TrimEnd('/'), Path, StringComparison.OrdinalIgnoreCase);

    private static async Task WithLanguageAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var page = new MemoryStream();
        http.Response.Body = page;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var html = System.Text.Encoding.UTF8.GetString(page.ToArray());
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && html.Contains("<html>", StringComparison.OrdinalIgnoreCase))
        {
            var index = html.IndexOf("<html>", StringComparison.OrdinalIgnoreCase);
            html = string.Concat(html.AsSpan(0, index), "<html lang=\"en\">", html.AsSpan(index + "<html>".Length));
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        http.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>The nonce Scalar put on this response's script tags, if it rendered the page.</summary>
    public static string? NonceOf(HttpContext http) =>
        http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null;
}
