namespace Passerelle.Core.Trust.Access;

/// <summary>Who lists agencies, adds and verifies them, and changes their settings.</summary>
public static partial class AccessRules
{
    public static bool MayListAgencies(Actor actor) =>
        actor.HasScope(Scopes.AgenciesRead)
        && (actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Coordinator) || actor.IsInRole(Roles.Auditor));

    /// <summary>Adding an agency and verifying a rights holder: an administrator only.</summary>
    public static bool MayManageAgencies(Actor actor) =>
        actor.HasScope(Scopes.AgenciesWrite) && actor.IsInRole(Roles.Admin);

    /// <summary>An administrator, or the agency's own coordinator, changes its settings.</summary>
    public static bool MayChangeAgencySettings(Actor actor, Guid agencyId) =>
        ChangesSettingsOf(actor, ownAgency: actor.AgencyId == agencyId);

    /// <summary>
    /// <see cref="MayChangeAgencySettings(Actor, Guid)"/> for an agency known by its code, as the list of agencies
    /// names it.
    /// </summary>
    public static bool MayChangeAgencySettings(Actor actor, string agencyCode) =>
        ChangesSettingsOf(actor, ownAgency: actor.AgencyCode is { } own && own == agencyCode);

    private static bool ChangesSettingsOf(Actor actor, bool ownAgency) =>
        MayManageAgencies(actor)
        || (actor.IsInRole(Roles.Coordinator) && ownAgency && actor.HasScope(Scopes.UsersWrite));
}
