namespace Passerelle.Core.Trust.Access;

/// <summary>Who keeps the register of travel documents, who screens it, and what a screening shows.</summary>
public static partial class AccessRules
{
    /// <summary>Coordinators and investigators of a law-enforcement agency register their agency's documents.</summary>
    public static bool MayRegisterDocuments(Actor actor) =>
        actor.HasScope(Scopes.DocumentsWrite) && actor.AgencyId is not null
        && (actor.IsInRole(Roles.Coordinator) || actor.IsInRole(Roles.Investigator));

    /// <summary>Only the owner agency reads, changes or deletes its records.</summary>
    public static bool MayManageDocument(Actor actor, Guid ownerAgencyId) =>
        MayRegisterDocuments(actor) && actor.AgencyId == ownerAgencyId;

    /// <summary>
    /// Bulk loads and exports: the owner agency's own people, or an administrator loading on its behalf.
    /// </summary>
    public static bool MayImportDocuments(Actor actor, Guid ownerAgencyId) =>
        MayManageDocument(actor, ownerAgencyId)
        || (actor.IsInRole(Roles.Admin) && actor.HasScope(Scopes.DocumentsWrite));

    /// <summary>
    /// Removing records past their review date, every agency's at once, is the platform's housekeeping: an
    /// administrator acting directly, as the scheduler and the console do, never through a token.
    /// </summary>
    public static bool MayPurgeRegister(Actor actor) => AdministersDirectly(actor);

    public static bool MayScreen(Actor actor) =>
        (actor.HasScope(Scopes.DocumentsScreen) || actor.HasScope(Scopes.DocumentsScreenMinimal))
        && EnforcesTheLaw(actor);

    /// <summary>
    /// The airline model: a token with only the minimal scope learns hit, possible or clear, and nothing else.
    /// </summary>
    public static bool ScreensMinimally(Actor actor) =>
        actor.Scopes is { } scopes && !scopes.Contains(Scopes.DocumentsScreen)
        && scopes.Contains(Scopes.DocumentsScreenMinimal);

    /// <summary>
    /// A holder's name and birth date go to law-enforcement agencies only, never to a minimal screening.
    /// </summary>
    public static bool MaySeeHolder(Actor actor) =>
        !ScreensMinimally(actor) && !actor.IsInRole(Roles.RightsHolder) && EnforcesTheLaw(actor);
}
