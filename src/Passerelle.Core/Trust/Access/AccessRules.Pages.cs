namespace Passerelle.Core.Trust.Access;

/// <summary>
/// The rules that open a page at all (<c>MayOpen</c> on each page model), asked before any handler runs. What a page
/// then does to one record is decided by the Core handler it calls, under the rules of AccessRules.
/// </summary>
public static partial class AccessRules
{
    /// <summary>Pages are for people signed in with the cookie; a token never opens one.</summary>
    public static bool MayUsePages(Actor actor) => actor.TokenId is null;

    /// <summary>Pages about one's own account (home, password, second factor): any signed-in person.</summary>
    public static bool MayUseOwnAccount(Actor actor) => actor.UserId is not null && actor.TokenId is null;

    /// <summary>The people page: administrators, and coordinators for their own agency.</summary>
    public static bool MayManagePeople(Actor actor) =>
        actor.HasScope(Scopes.UsersRead) && ManagesPeople(actor);

    /// <summary>The tokens page: everyone sees their own tokens; coordinators and administrators see more.</summary>
    public static bool MayUseTokens(Actor actor) =>
        actor.UserId is not null && actor.HasScope(Scopes.TokensRead) && actor.Roles.Count > 0;

    /// <summary>Authentication requests: the officers who detain goods and the rights holders asked.</summary>
    public static bool MayFollowAuthentications(Actor actor) =>
        MayLookUpProducts(actor) || (actor.AgencyId is { } agency && MayManageProducts(actor, agency));

    /// <summary>The seizure statistics page: whoever <see cref="SeizureStatisticsScopeOf"/> gives a scope.</summary>
    public static bool MaySeeSeizureStatistics(Actor actor) =>
        SeizureStatisticsScopeOf(actor) != SeizureStatisticsScope.None;

    /// <summary>A rights holder's pages for its own sheets and alerts.</summary>
    public static bool MayManageOwnProducts(Actor actor) =>
        actor.AgencyId is { } agency && MayManageProducts(actor, agency);
}
