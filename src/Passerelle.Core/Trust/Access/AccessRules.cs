namespace Passerelle.Core.Trust.Access;

/// <summary>
/// Every access decision of Passerelle. Each rule is pure: endpoints, pages, views, CLI verbs and query filters ask
/// the same rule, and a token's scope is checked alongside its user's roles. The rules are split by area
/// (<c>AccessRules.People.cs</c>, <c>AccessRules.Hits.cs</c>, ...); this file holds those of the platform as a whole
/// and the helpers the areas share. No role is tested anywhere else.
/// </summary>
public static partial class AccessRules
{
    /// <summary>
    /// The airline's token (only <see cref="Scopes.DocumentsScreenMinimal"/>) reaches the screening routes and
    /// nothing else, whatever the route's own rule says.
    /// </summary>
    public static bool MayCallRoute(Actor actor, bool screeningRoute) =>
        screeningRoute || actor.Scopes is not { } scopes || scopes.Any(s => s != Scopes.DocumentsScreenMinimal);

    public static bool MayReadAudit(Actor actor) =>
        actor.HasScope(Scopes.AuditRead) && actor.IsInRole(Roles.Auditor);

    /// <summary>
    /// The whole database, every agency's records and the audit trail with them, is copied out or put back by an
    /// administrator acting directly, never through an API token, whatever its scopes.
    /// </summary>
    public static bool MayBackUpDatabase(Actor actor) => AdministersDirectly(actor);

    public static bool MayRestoreDatabase(Actor actor) => MayBackUpDatabase(actor);

    /// <summary>
    /// The work of the platform's operator: an administrator at the console or the scheduler, never a token. No
    /// scope names work on every agency's data at once, so no token is ever enough.
    /// </summary>
    private static bool AdministersDirectly(Actor actor) =>
        actor.Scopes is null && actor.TokenId is null && actor.IsInRole(Roles.Admin);

    /// <summary>Law-enforcement people: those who screen, look up products and follow hits and detentions.</summary>
    private static bool EnforcesTheLaw(Actor actor) =>
        actor.IsInRole(Roles.Officer) || actor.IsInRole(Roles.Investigator) || actor.IsInRole(Roles.Coordinator);

    /// <summary>Whoever manages some agency's people: an administrator anywhere, a coordinator at home.</summary>
    private static bool ManagesPeople(Actor actor) => actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Coordinator);

    private static bool ManagesPeopleOf(Actor actor, Guid agencyId) =>
        actor.IsInRole(Roles.Admin) || (actor.IsInRole(Roles.Coordinator) && actor.AgencyId == agencyId);

    private static bool Within(IReadOnlySet<string> ceiling, IEnumerable<string> roles) => roles.All(ceiling.Contains);
}
