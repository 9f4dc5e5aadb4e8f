using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Trust.Access;

/// <summary>
/// Who lists and manages people, and which roles they hand out. Nobody gains a right they were not given: every act
/// on a person stays under <see cref="GrantableRoles"/>.
/// </summary>
public static partial class AccessRules
{
    public static bool MayListUsers(Actor actor, Guid agencyId) =>
        actor.HasScope(Scopes.UsersRead) && ManagesPeopleOf(actor, agencyId);

    /// <summary>
    /// Everyone of every agency at once: an administrator, to whom a list without an agency named shows everyone.
    /// </summary>
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

    /// <summary>
    /// Whether a person holding these roles must enrol a second factor before acting: always an administrator, a
    /// coordinator or an auditor (<see cref="Roles.AlwaysNeedTotp"/>), whose acts reach other people or every
    /// agency's records, and whoever holds a role the configuration adds (<paramref name="configured"/>).
    /// </summary>
    public static bool NeedsSecondFactor(IEnumerable<string> roles, IEnumerable<string> configured) =>
        roles.Any(role => Roles.AlwaysNeedTotp.Contains(role) || configured.Contains(role, StringComparer.Ordinal));

    /// <summary>
    /// Whether a person of an agency of this kind may hold these roles: a rights holder's people hold the
    /// rights-holder role alone, and no one else may hold it, so law-enforcement data never reaches a brand through
    /// a second role.
    /// </summary>
    public static bool RolesFitAgency(AgencyKind kind, IReadOnlyCollection<string> roles) =>
        kind == AgencyKind.RightsHolder
            ? roles.All(r => r == Roles.RightsHolder)
            : !roles.Contains(Roles.RightsHolder);
}
