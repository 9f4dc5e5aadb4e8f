using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;
using Passerelle.Security;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// The API's policy authenticates by token alone. Should a signed-in session's identity reach the API's route
/// requirement anyway, it is refused there too, and the refusal audited: for any person, whatever their roles and
/// scopes and on any route, the requirement holds for a token's identity alone.
/// </summary>
public sealed class ApiIdentityProperties
{
    private static readonly string[] AllRoles =
        [Roles.Admin, Roles.Auditor, Roles.Coordinator, Roles.Investigator, Roles.Officer, Roles.RightsHolder];

    private static readonly Gen<(Actor Actor, bool Screening)> Calls =
        from roles in Gen.SubListOf(AllRoles)
        from scopes in Gen.SubListOf([.. Scopes.All])
        from screening in Gen.Elements(true, false)
        select (new Actor(
            Guid.CreateVersion7(), "coord.martin", Guid.CreateVersion7(), "FR-POLICE",
            roles.ToHashSet(StringComparer.Ordinal), Guid.CreateVersion7(), scopes.ToHashSet(StringComparer.Ordinal),
            "203.0.113.7"), screening);

    [Fact]
    public async Task A_signed_in_sessions_identity_never_meets_the_API_route_requirement()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var guard = new RouteScopeGuard(app.Services.GetRequiredService<AuditWriter>());
        var decided = new List<string>();
        var sessions = 0;

        foreach (var (actor, screening) in Gen.Sample(Calls, 200, 10))
        {
            var token = PasserelleClaims.FromActor(actor, BearerTokenHandler.SchemeName);
            var session = PasserelleClaims.FromActor(actor, IdentityConstants.ApplicationScheme);

            var asSession = await DecideAsync(guard, session, screening);
            Assert.False(asSession, $"a session of {string.Join(',', actor.Roles)} passed (screening: {screening})");
            sessions++;
            if (AccessRules.MayCallRoute(actor, screening))
            {
                Assert.True(await DecideAsync(guard, token, screening), "the same person's token was refused");
                decided.Add("token");
            }
        }

        Assert.NotEmpty(decided);
        await using var context = app.NewContext();
        Assert.True(await context.AuditEntries.CountAsync(e => e.Operation == "access.denied") >= sessions,
            "every refused session is audited");
    }

    private static async Task<bool> DecideAsync(
        RouteScopeGuard guard, System.Security.Claims.ClaimsPrincipal user, bool screening)
    {
        var http = new DefaultHttpContext { User = user };
        var metadata = screening
            ? new EndpointMetadataCollection(ScreeningRoute.Marker)
            : EndpointMetadataCollection.Empty;
        http.SetEndpoint(new Endpoint(null, metadata, "route"));
        var context = new AuthorizationHandlerContext([new RouteScopeRequirement()], user, http);
        await guard.HandleAsync(context);
        return context.HasSucceeded;
    }
}
