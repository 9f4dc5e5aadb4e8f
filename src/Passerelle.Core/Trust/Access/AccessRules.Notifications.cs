namespace Passerelle.Core.Trust.Access;

/// <summary>Who reads an inbox, what reaches it, and who registers the webhooks that carry the same news.</summary>
public static partial class AccessRules
{
    /// <summary>
    /// The inbox is for those who get notifications: who screens or decides hits, and rights holders.
    /// </summary>
    public static bool MayReadInbox(Actor actor) =>
        actor.HasScope(Scopes.NotificationsRead) && actor.AgencyId is not null && actor.UserId is not null
        && (EnforcesTheLaw(actor) || actor.IsInRole(Roles.RightsHolder));

    /// <summary>
    /// Notifications addressed to an agency rather than to one person reach its coordinators, and every person of a
    /// rights holder, which has no coordinators; the others read only what names them.
    /// </summary>
    public static bool MayReadAgencyNotifications(Actor actor) =>
        MayReadInbox(actor) && (actor.IsInRole(Roles.Coordinator) || actor.IsInRole(Roles.RightsHolder));

    /// <summary>
    /// Where an agency hears of what concerns it: a coordinator registers webhooks for hits, a rights holder's people
    /// for authentication requests.
    /// </summary>
    public static bool MayManageWebhooks(Actor actor, Guid agencyId) =>
        actor.AgencyId == agencyId
        && ((actor.IsInRole(Roles.Coordinator) && actor.HasScope(Scopes.DocumentsWrite))
            || (actor.IsInRole(Roles.RightsHolder) && actor.HasScope(Scopes.ProductsWrite)));
}
