using Microsoft.AspNetCore.Authorization;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Security;

/// <summary>Marks the screening routes, the only ones the minimal airline scope reaches.</summary>
internal sealed class ScreeningRoute
{
    public static readonly ScreeningRoute Marker = new();
}

internal sealed class RouteScopeRequirement : IAuthorizationRequirement;

/// <summary>
/// Asks <see cref="AccessRules.MayCallRoute"/> before any route binds its request, so a token holding only the
/// minimal scope is refused everywhere but screening, whatever a route's own rule would say. Refusals are audited.
/// Only a token's identity passes: a signed-in session that reached an API route is refused and audited too.
/// </summary>
internal sealed class RouteScopeGuard(AuditWriter audit) : AuthorizationHandler<RouteScopeRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, RouteScopeRequirement requirement)
    {
        if (context.User.Identity is not { IsAuthenticated: true } identity || context.Resource is not HttpContext http)
        {
            return;
        }

        var actor = context.User.ToActor(http);
        var screening = http.GetEndpoint()?.Metadata.GetMetadata<ScreeningRoute>() is not null;
        if (identity.AuthenticationType == BearerTokenHandler.SchemeName && AccessRules.MayCallRoute(actor, screening))
        {
            context.Succeed(requirement);
            return;
        }

        await audit.DenyAsync(
            actor, AuditTarget.Route(http.Request.Method, http.Request.Path.ToString()), http.RequestAborted);
        context.Fail();
    }
}
