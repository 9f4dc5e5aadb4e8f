using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Passerelle.Security;

namespace Passerelle.Api.Contract;

/// <summary>
/// The API's one way in, an API token sent as <c>Authorization: Bearer &lt;token&gt;</c>, declared once for the
/// document and required by every operation that authorization guards.
/// </summary>
internal sealed class BearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeId = BearerTokenHandler.SchemeName;

    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "psl_ and 43 base64url characters",
            Description = "An API token, sent as `Authorization: Bearer <token>`. A coordinator makes them for the "
                + "agency's people and an administrator for anyone's (`POST /api/v1/tokens`, or "
                + "`passerelle tokens create`); it is shown once, carries scopes, and expires. A browser's sign-in "
                + "cookie never authorizes an API call.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (RequiresToken(context.Description))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether authorization guards the route: every route of the API, never the anonymous ones.</summary>
    public static bool RequiresToken(ApiDescription api)
    {
        var metadata = api.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }
}
