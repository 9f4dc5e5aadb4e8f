namespace Passerelle.Core.Trust.Access;

/// <summary>
/// What the home page and the navigation's badges count for whom (see <c>Home/CountWork.cs</c>). A count names no
/// record; each is shown only to those the rules already let read the records it counts.
/// </summary>
public static partial class AccessRules
{
    /// <summary>The coordinators of an agency with documents decide the hits on its records.</summary>
    public static bool MayDecideHits(Actor actor) => actor.AgencyId is { } agency && MayDecideHit(actor, agency);

    /// <summary>A rights holder's people answer the authentication requests sent to it.</summary>
    public static bool MayAnswerAuthentications(Actor actor) => MayManageOwnProducts(actor);

    /// <summary>Officers follow the authentication requests they sent; coordinators, their agency's.</summary>
    public static bool MayAwaitAuthentications(Actor actor) => actor.AgencyId is not null && MayLookUpProducts(actor);
}
