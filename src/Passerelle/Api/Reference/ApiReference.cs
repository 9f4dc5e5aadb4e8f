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
            // A fresh nonce a request lets the page's start-up script run without 'unsafe-inline' (SecurityHeaders).
            .WithNonce())
        .AllowAnonymous();

    /// <summary>The nonce Scalar put on this response's script tags, if it rendered the page.</summary>
    public static string? NonceOf(HttpContext http) =>
        http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null;
}
