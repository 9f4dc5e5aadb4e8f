using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;
using Passerelle.Core.Trust.Access;
using Passerelle.Security;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// The bearer handler keeps the actor it authenticated with the request rather than have every use read it back from
/// the claims. The shortcut must grant nothing the claims would not: for any token's actor, the kept actor and the
/// one read from the claims agree field for field, and once the request's user is another principal the kept actor
/// no longer counts.
/// </summary>
public sealed class KeptActorProperties
{
    private static readonly string[] AllRoles =
        [Roles.Admin, Roles.Auditor, Roles.Coordinator, Roles.Investigator, Roles.Officer, Roles.RightsHolder];

    private static readonly Gen<Actor> TokenActors =
        from login in Gen.Elements("agent.dupont", "coord.martin", "écluse", "a")
        from code in Gen.Elements("FR-DOUANE", "FR-POLICE", "RH-A")
        from roles in Gen.SubListOf(AllRoles)
        from scopes in Gen.SubListOf([.. Scopes.All])
        from source in Gen.Elements<string?>(null, "203.0.113.7")
        select new Actor(
            Guid.CreateVersion7(), login, Guid.CreateVersion7(), code, roles.ToHashSet(StringComparer.Ordinal),
            Guid.CreateVersion7(), scopes.ToHashSet(StringComparer.Ordinal), source);

    [Fact]
    public void The_kept_actor_is_the_actor_the_claims_say_and_counts_only_for_its_own_principal()
    {
        foreach (var actor in Gen.Sample(TokenActors, 300, 10))
        {
            var http = new DefaultHttpContext();
            var principal = PasserelleClaims.FromActor(actor, BearerTokenHandler.SchemeName);
            http.User = principal;
            var fromClaims = principal.ToActor(http);
            PasserelleClaims.Keep(http, principal, actor);

            var kept = http.Actor();
            Assert.Same(actor, kept);
            Assert.Equal(Describe(fromClaims), Describe(kept with { Source = null }));

            // Another principal on the request (a later handler replaced it): its claims decide, not the kept actor.
            var other = actor with { Roles = new HashSet<string>(StringComparer.Ordinal), Login = "someone.else" };
            http.User = PasserelleClaims.FromActor(other, BearerTokenHandler.SchemeName);
            Assert.Equal(Describe(other with { Source = null }), Describe(http.Actor()));
        }
    }

    private static string Describe(Actor a) =>
        $"{a.UserId}|{a.Login}|{a.AgencyId}|{a.AgencyCode}|{string.Join(',', a.Roles.Order(StringComparer.Ordinal))}|" +
        $"{a.TokenId}|{string.Join(',', (a.Scopes ?? new HashSet<string>()).Order(StringComparer.Ordinal))}|{a.Source}";
}
