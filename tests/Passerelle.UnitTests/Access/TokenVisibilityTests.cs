using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Trust.Access;

namespace Passerelle.UnitTests.Access;

/// <summary>The scope a token listing filters by in SQL means exactly what the per-token rule says.</summary>
public sealed class TokenVisibilityTests
{
    private static readonly Guid[] Agencies = [Guid.NewGuid(), Guid.NewGuid()];
    private static readonly Guid[] People = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private static bool Shows(TokenVisibility visibility, Actor actor, Guid ownerId, Guid ownerAgencyId) =>
        visibility switch
        {
            TokenVisibility.All => true,
            TokenVisibility.Agency => ownerId == actor.UserId || ownerAgencyId == actor.AgencyId,
            TokenVisibility.Own => ownerId == actor.UserId,
            _ => false,
        };

    [Property(MaxTest = 500)]
    public Property The_listing_scope_agrees_with_MayListTokens_for_every_actor_and_owner()
    {
        var actors =
            from roles in Gen.SubListOf(Roles.All.ToArray())
            from user in Gen.Elements<Guid?>([null, .. People])
            from agency in Gen.Elements<Guid?>([null, .. Agencies])
            from scoped in Gen.Elements(true, false)
            from scopes in Gen.SubListOf(Scopes.All.ToArray())
            select new Actor(user, "someone", agency, null, roles.ToHashSet(StringComparer.Ordinal),
                Scopes: scoped ? scopes.ToHashSet(StringComparer.Ordinal) : null);
        var owners = from owner in Gen.Elements(People) from agency in Gen.Elements(Agencies) select (owner, agency);
        return Prop.ForAll(actors.ToArbitrary(), owners.ToArbitrary(), (actor, token) =>
            Shows(AccessRules.TokensVisibleTo(actor), actor, token.owner, token.agency)
            == AccessRules.MayListTokens(actor, token.owner, token.agency));
    }
}
