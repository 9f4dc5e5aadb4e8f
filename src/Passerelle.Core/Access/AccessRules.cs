namespace Passerelle.Core.Access;

/// <summary>
/// Every access decision of Passerelle. Each rule is pure: endpoints, pages, CLI verbs and query filters ask the
/// same rule, and a token's scope is checked alongside its user's roles.
/// </summary>
public static partial class AccessRules
{
    public static bool MayListAgencies(Actor actor) =>
        actor.HasScope(Scopes.AgenciesRead)
        && (actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Coordinator) || actor.IsInRole(Roles.Auditor));

    public static bool MayManageAgencies(Actor actor) =>
        actor.HasScope(Scopes.AgenciesWrite) && actor.IsInRole(Roles.Admin);

    /// <summary>An administrator, or the agency's own coordinator, changes its settings.</summary>
    public static bool MayChangeAgencySettings(Actor actor, Guid agencyId) =>
        MayManageAgencies(actor) || (actor.IsInRole(Roles.Coordinator) && actor.AgencyId == agencyId && actor.HasScope(Scopes.UsersWrite));

    public static bool MayListUsers(Actor actor, Guid agencyId) =>
        actor.HasScope(Scopes.UsersRead) && ManagesPeopleOf(actor, agencyId);

    public static bool MayListAllUsers(Actor actor) =>
        actor.HasScope(Scopes.UsersRead) && actor.IsInRole(Roles.Admin);

    /// <summary>
    /// The roles an actor may hand out in an agency: an administrator any, a coordinator officer, investigator and
    /// coordinator in its own agency, anyone else none. The ceiling for every act on people and their tokens.
    /// </summary>
    public static IReadOnlySet<string> GrantableRoles(Actor actor, Guid agencyId) =>
        actor.IsInRole(Roles.Admin) ? Roles.All
        : actor.IsInRole(Roles.Coordinator) && actor.AgencyId == agencyId ? Roles.CoordinatorGrants
        : Roles.None;

    /// <summary>Whether the actor may give a person of this agency exactly these roles.</summary>
    public static bool MayGrantRoles(Actor actor, Guid agencyId, IEnumerable<string> roles) =>
        actor.HasScope(Scopes.UsersWrite) && Within(GrantableRoles(actor, agencyId), roles);

    /// <summary>
    /// Creating, disabling, resetting or changing the roles of a person: only within the actor's agency ceiling,
    /// and never on someone holding a role the actor could not grant, so a coordinator never touches an
    /// administrator or an auditor.
    /// </summary>
    public static bool MayManageUser(Actor actor, Guid agencyId, IEnumerable<string> targetRoles) =>
        actor.HasScope(Scopes.UsersWrite) && ManagesPeopleOf(actor, agencyId)
        && Within(GrantableRoles(actor, agencyId), targetRoles);

    public static bool MayListTokens(Actor actor, Guid ownerId, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.TokensRead) && (actor.UserId == ownerId || ManagesPeopleOf(actor, ownerAgencyId));

    /// <summary>
    /// A coordinator manages the tokens of its own agency's people, an administrator anyone's, and never those of a
    /// person holding a role the actor could not grant.
    /// </summary>
    public static bool MayManageTokens(Actor actor, Guid ownerAgencyId, IEnumerable<string> ownerRoles) =>
        actor.HasScope(Scopes.TokensWrite) && ManagesPeopleOf(actor, ownerAgencyId)
        && Within(GrantableRoles(actor, ownerAgencyId), ownerRoles);

    /// <summary>Anyone revokes their own token, so stopping a leak never waits for a coordinator.</summary>
    public static bool MayRevokeToken(Actor actor, Guid ownerId, Guid ownerAgencyId, IEnumerable<string> ownerRoles) =>
        (actor.UserId == ownerId && actor.HasScope(Scopes.TokensWrite))
        || MayManageTokens(actor, ownerAgencyId, ownerRoles);

    /// <summary>
    /// A token made by a token carries at most the caller's own scopes; a person acting directly is bounded by
    /// the new token's owner's roles alone.
    /// </summary>
    public static bool MayGiveScopes(Actor actor, IEnumerable<string> scopes) =>
        actor.Scopes is not { } own || scopes.All(own.Contains);

    public static bool MayReadAudit(Actor actor) =>
        actor.HasScope(Scopes.AuditRead) && actor.IsInRole(Roles.Auditor);

    /// <summary>
    /// The whole database, every agency's records and the audit trail with them, is copied out or put back by an
    /// administrator acting directly, never through an API token, whatever its scopes.
    /// </summary>
    public static bool MayBackUpDatabase(Actor actor) =>
        actor.Scopes is null && actor.TokenId is null && actor.IsInRole(Roles.Admin);

    public static bool MayRestoreDatabase(Actor actor) => MayBackUpDatabase(actor);

    /// <summary>Coordinators and investigators of a law-enforcement agency register their agency's documents.</summary>
    public static bool MayRegisterDocuments(Actor actor) =>
        actor.HasScope(Scopes.DocumentsWrite) && actor.AgencyId is not null
        && (actor.IsInRole(Roles.Coordinator) || actor.IsInRole(Roles.Investigator));

    /// <summary>Only the owner agency reads, changes or deletes its records.</summary>
    public static bool MayManageDocument(Actor actor, Guid ownerAgencyId) =>
        MayRegisterDocuments(actor) && actor.AgencyId == ownerAgencyId;

    /// <summary>Bulk loads and exports: the owner agency's own people, or an administrator loading on its behalf.</summary>
    public static bool MayImportDocuments(Actor actor, Guid ownerAgencyId) =>
        MayManageDocument(actor, ownerAgencyId) || (actor.IsInRole(Roles.Admin) && actor.HasScope(Scopes.DocumentsWrite));

    /// <summary>
    /// The airline's token (only <see cref="Scopes.DocumentsScreenMinimal"/>) reaches the screening routes and
    /// nothing else, whatever the route's own rule says.
    /// </summary>
    public static bool MayCallRoute(Actor actor, bool screeningRoute) =>
        screeningRoute || actor.Scopes is not { } scopes || scopes.Any(s => s != Scopes.DocumentsScreenMinimal);

    public static bool MayScreen(Actor actor) =>
        (actor.HasScope(Scopes.DocumentsScreen) || actor.HasScope(Scopes.DocumentsScreenMinimal))
        && (actor.IsInRole(Roles.Officer) || actor.IsInRole(Roles.Investigator) || actor.IsInRole(Roles.Coordinator));

    /// <summary>The airline model: a token with only the minimal scope learns hit, possible or clear, and nothing else.</summary>
    public static bool ScreensMinimally(Actor actor) =>
        actor.Scopes is { } scopes && !scopes.Contains(Scopes.DocumentsScreen) && scopes.Contains(Scopes.DocumentsScreenMinimal);

    /// <summary>A holder's name and birth date go to law-enforcement agencies only, never to a minimal screening.</summary>
    public static bool MaySeeHolder(Actor actor) =>
        !ScreensMinimally(actor) && !actor.IsInRole(Roles.RightsHolder)
        && (actor.IsInRole(Roles.Officer) || actor.IsInRole(Roles.Investigator) || actor.IsInRole(Roles.Coordinator));

    /// <summary>
    /// Hit cases name the owner agency, the querying officer and the decision: they are for people who screen with
    /// the full scope or keep a register, never for the minimal airline scope.
    /// </summary>
    public static bool MayFollowHits(Actor actor) =>
        (actor.HasScope(Scopes.DocumentsScreen) || actor.HasScope(Scopes.DocumentsWrite))
        && (actor.IsInRole(Roles.Officer) || actor.IsInRole(Roles.Investigator) || actor.IsInRole(Roles.Coordinator));

    /// <summary>
    /// Which hit cases an actor reads, as a filter a query can apply: always the cases they screened; the owner
    /// agency's cases for its coordinators and for its investigators who keep the register (documents:write), who
    /// read them but do not decide; the querying agency's cases for its coordinators.
    /// </summary>
    public static HitVisibility HitsVisibleTo(Actor actor) =>
        !MayFollowHits(actor) || actor.AgencyId is null ? HitVisibility.None
        : new HitVisibility(
            Screened: true,
            OwnerAgency: actor.IsInRole(Roles.Coordinator)
                || (actor.IsInRole(Roles.Investigator) && actor.HasScope(Scopes.DocumentsWrite)),
            QueryingAgency: actor.IsInRole(Roles.Coordinator));

    /// <summary>
    /// A hit case reaches whoever screened it (<paramref name="screenedByActor"/>: opened it or screened it again),
    /// and the people of both agencies <see cref="HitsVisibleTo"/> names.
    /// </summary>
    public static bool MayReadHit(Actor actor, Guid ownerAgencyId, Guid queryingAgencyId, bool screenedByActor)
    {
        var visible = HitsVisibleTo(actor);
        return (visible.Screened && screenedByActor)
            || (visible.OwnerAgency && actor.AgencyId == ownerAgencyId)
            || (visible.QueryingAgency && actor.AgencyId == queryingAgencyId);
    }

    /// <summary>The inbox is for those who get notifications: who screens or decides hits, and rights holders.</summary>
    public static bool MayReadInbox(Actor actor) =>
        actor.HasScope(Scopes.NotificationsRead) && actor.AgencyId is not null && actor.UserId is not null
        && (actor.IsInRole(Roles.Officer) || actor.IsInRole(Roles.Investigator) || actor.IsInRole(Roles.Coordinator)
            || actor.IsInRole(Roles.RightsHolder));

    /// <summary>The owner's coordinators decide hits on its records.</summary>
    public static bool MayDecideHit(Actor actor, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.DocumentsWrite) && actor.IsInRole(Roles.Coordinator) && actor.AgencyId == ownerAgencyId;

    /// <summary>A rights holder's people manage its own product sheets, and no one else's.</summary>
    public static bool MayManageProducts(Actor actor, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.ProductsWrite) && actor.IsInRole(Roles.RightsHolder) && actor.AgencyId == ownerAgencyId;

    public static bool MayLookUpProducts(Actor actor) =>
        actor.HasScope(Scopes.ProductsLookup)
        && (actor.IsInRole(Roles.Officer) || actor.IsInRole(Roles.Investigator) || actor.IsInRole(Roles.Coordinator));

    /// <summary>
    /// Where an agency hears of what concerns it: a coordinator registers webhooks for hits, a rights holder's people for
    /// authentication requests.
    /// </summary>
    public static bool MayManageWebhooks(Actor actor, Guid agencyId) =>
        actor.AgencyId == agencyId
        && ((actor.IsInRole(Roles.Coordinator) && actor.HasScope(Scopes.DocumentsWrite)) || (actor.IsInRole(Roles.RightsHolder) && actor.HasScope(Scopes.ProductsWrite)));

    /// <summary>A detention is followed by the officer who asked for authentication and by their agency's coordinators.</summary>
    public static bool MayFollowDetention(Actor actor, Guid requestingAgencyId, Guid? requestingUserId) =>
        MayLookUpProducts(actor) && ((requestingUserId is not null && requestingUserId == actor.UserId) || (actor.IsInRole(Roles.Coordinator) && actor.AgencyId == requestingAgencyId));

    /// <summary>
    /// Which officer asked, wrote or recorded an outcome is law-enforcement data: the detaining agency's own people
    /// see it, and the rights holder sees the agency instead.
    /// </summary>
    public static bool MaySeeOfficers(Actor actor, Guid requestingAgencyId) =>
        MayLookUpProducts(actor) && actor.AgencyId == requestingAgencyId;

    /// <summary>A restricted authentication feature reaches only the agencies, or the countries' agencies, its owner picked.</summary>
    public static bool MaySeeFeature(string? agencyCode, string? agencyCountry, bool restricted, IReadOnlyCollection<string> agencies, IReadOnlyCollection<string> countries) =>
        !restricted || (agencyCode is not null && agencies.Contains(agencyCode)) || (agencyCountry is not null && countries.Contains(agencyCountry));

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
    /// Seizure statistics: a rights holder's people (products:write) count their own brands; officers,
    /// investigators and coordinators (products:lookup) and auditors (audit:read) count their own country's
    /// detentions. Another country's seizures belong to its own node and are never counted here.
    /// </summary>
    public static SeizureStatisticsScope SeizureStatisticsScopeOf(Actor actor) =>
        actor.AgencyId is not { } agency ? SeizureStatisticsScope.None
        : MayManageProducts(actor, agency) ? SeizureStatisticsScope.OwnBrands
        : MayLookUpProducts(actor) || MayReadAudit(actor) ? SeizureStatisticsScope.OwnCountry
        : SeizureStatisticsScope.None;

    /// <summary>
    /// A detention's free-text place and route reach the agency that detained the goods and the rights holder it
    /// asked, who was told them in the request; the other agencies of the country count it, without either.
    /// </summary>
    public static bool MaySeeDetentionPlace(Actor actor, Guid requestingAgencyId, Guid rightsHolderAgencyId) =>
        actor.AgencyId is { } agency && (agency == requestingAgencyId || agency == rightsHolderAgencyId);

    private static bool Within(IReadOnlySet<string> ceiling, IEnumerable<string> roles) => roles.All(ceiling.Contains);

    private static bool ManagesPeopleOf(Actor actor, Guid agencyId) =>
        actor.IsInRole(Roles.Admin) || (actor.IsInRole(Roles.Coordinator) && actor.AgencyId == agencyId);
}
