using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Trust.Access;

namespace Passerelle.UnitTests.Access;

/// <summary>
/// The token form offers no scope the person could not give: each one offered is held by the actor's own token when
/// it acts by token, and some person whose tokens the actor manages, holding a role within the actor's ceiling
/// (modelled in <see cref="RoleCeilingProperties.Ceiling"/>), could carry it.
/// </summary>
public sealed class OfferedScopeProperties
{
    [Property(MaxTest = 5_000)]
    public Property Every_offered_scope_could_be_given_to_someone_the_actor_manages() =>
        Prop.ForAll(RoleCeilingProperties.Actors.ToArbitrary(), actor =>
        {
            var offered = AccessRules.OfferedScopes(actor);
            var agency = actor.AgencyId!.Value;
            var ceiling = RoleCeilingProperties.Ceiling(actor, agency);
            return (AccessRules.MayCreateTokens(actor) || offered.Count == 0)
                && offered.All(scope =>
                    (actor.Scopes is null || actor.Scopes.Contains(scope))
                    && ceiling.Any(role => Scopes.AllowedFor([role]).Contains(scope)
                        && AccessRules.MayManageTokens(actor, agency, [role])));
        });
}
