namespace Passerelle.Core.Access;

/// <summary>
/// Every access decision of Passerelle. Each rule is pure: endpoints, pages, CLI verbs and query filters ask the
/// same rule, and a token's scope is checked alongside its user's roles.
/// </summary>
public static class AccessRules
{
    public static bool MayListAgencies(Actor actor) =>
        actor.HasScope(Scopes.AgenciesRead)
        && (actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Coordinator) || actor.IsInRole(Roles.Auditor));

    public static bool MayManageAgencies(Actor actor) =>
        actor.HasScope(Scopes.AgenciesWrite) && actor.IsInRole(Roles.Admin);

    public static bool MayListUsers(Actor actor, Guid agencyId) =>
        actor.HasScope(Scopes.UsersRead) && ManagesPeopleOf(actor, agencyId);

    public static bool MayListAllUsers(Actor actor) =>
        actor.HasScope(Scopes.UsersRead) && actor.IsInRole(Roles.Admin);

    public static bool MayManageUsers(Actor actor, Guid agencyId) =>
        actor.HasScope(Scopes.UsersWrite) && ManagesPeopleOf(actor, agencyId);

    public static bool MayListTokens(Actor actor, Guid ownerId, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.TokensRead) && (actor.UserId == ownerId || ManagesPeopleOf(actor, ownerAgencyId));

    /// <summary>A coordinator manages the tokens of its own agency's people; an administrator, anyone's.</summary>
    public static bool MayManageTokens(Actor actor, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.TokensWrite) && ManagesPeopleOf(actor, ownerAgencyId);

    public static bool MayReadAudit(Actor actor) =>
        actor.HasScope(Scopes.AuditRead) && actor.IsInRole(Roles.Auditor);

    private static bool ManagesPeopleOf(Actor actor, Guid agencyId) =>
        actor.IsInRole(Roles.Admin) || (actor.IsInRole(Roles.Coordinator) && actor.AgencyId == agencyId);
}
