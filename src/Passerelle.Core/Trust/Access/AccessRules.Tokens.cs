namespace Passerelle.Core.Trust.Access;

/// <summary>Who lists, creates and revokes API tokens, and which scopes a new token may carry.</summary>
public static partial class AccessRules
{
    public static bool MayListTokens(Actor actor, Guid ownerId, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.TokensRead) && (actor.UserId == ownerId || ManagesPeopleOf(actor, ownerAgencyId));

    /// <summary>
    /// <see cref="MayListTokens"/> as a scope a query filters by: nothing without the scope, everyone's for an
    /// administrator, the agency's for its coordinator, and otherwise the actor's own.
    /// </summary>
    public static TokenVisibility TokensVisibleTo(Actor actor) =>
        !actor.HasScope(Scopes.TokensRead) ? TokenVisibility.None
        : actor.IsInRole(Roles.Admin) ? TokenVisibility.All
        : actor.IsInRole(Roles.Coordinator) && actor.AgencyId is not null ? TokenVisibility.Agency
        : TokenVisibility.Own;

    /// <summary>
    /// A coordinator manages the tokens of its own agency's people, an administrator anyone's, and never those of a
    /// person holding a role the actor could not grant.
    /// </summary>
    public static bool MayManageTokens(Actor actor, Guid ownerAgencyId, IEnumerable<string> ownerRoles) =>
        actor.HasScope(Scopes.TokensWrite) && ManagesPeopleOf(actor, ownerAgencyId)
        && Within(GrantableRoles(actor, ownerAgencyId), ownerRoles);

    /// <summary>
    /// Whether the actor makes tokens for anyone at all, so the form to make one is offered: those who manage some
    /// people's tokens (<see cref="MayManageTokens"/>). Whose, and with which scopes, is asked of each token.
    /// </summary>
    public static bool MayCreateTokens(Actor actor) => actor.HasScope(Scopes.TokensWrite) && ManagesPeople(actor);

    /// <summary>
    /// The scopes the form to make a token offers: those a token of someone whose tokens the actor manages could
    /// carry (<see cref="Scopes.AllowedFor"/> over the roles the actor grants in its own agency, every role for an
    /// administrator), and none a token acting for the actor does not hold itself. The token's owner's own roles still
    /// decide when it is made.
    /// </summary>
    public static IReadOnlySet<string> OfferedScopes(Actor actor) =>
        !MayCreateTokens(actor) || actor.AgencyId is not { } agency
            ? new HashSet<string>(StringComparer.Ordinal)
            : Scopes.AllowedFor(GrantableRoles(actor, agency)).Where(s => MayGiveScopes(actor, [s]))
                .ToHashSet(StringComparer.Ordinal);

    /// <summary>Anyone revokes their own token, so stopping a leak never waits for a coordinator.</summary>
    public static bool MayRevokeToken(
        Actor actor, Guid ownerId, Guid ownerAgencyId, IEnumerable<string> ownerRoles) =>
        (actor.UserId == ownerId && actor.HasScope(Scopes.TokensWrite))
        || MayManageTokens(actor, ownerAgencyId, ownerRoles);

    /// <summary>
    /// A token made by a token carries at most the caller's own scopes; a person acting directly is bounded by
    /// the new token's owner's roles alone.
    /// </summary>
    public static bool MayGiveScopes(Actor actor, IEnumerable<string> scopes) =>
        actor.Scopes is not { } own || scopes.All(own.Contains);
}
