namespace Passerelle.Core.Trust.Access;

/// <summary>Who follows, reads and decides the hit cases screening opens.</summary>
public static partial class AccessRules
{
    /// <summary>
    /// Hit cases name the owner agency, the querying officer and the decision: they are for people who screen with
    /// the full scope or keep a register, never for the minimal airline scope.
    /// </summary>
    public static bool MayFollowHits(Actor actor) =>
        (actor.HasScope(Scopes.DocumentsScreen) || actor.HasScope(Scopes.DocumentsWrite)) && EnforcesTheLaw(actor);

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

    /// <summary>The owner's coordinators decide hits on its records.</summary>
    public static bool MayDecideHit(Actor actor, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.DocumentsWrite) && actor.IsInRole(Roles.Coordinator) && actor.AgencyId == ownerAgencyId;
}
