namespace Passerelle.Core.Trust.Access;

/// <summary>Who writes product sheets, who looks them up, what each reader sees of them, who counts seizures.</summary>
public static partial class AccessRules
{
    /// <summary>A rights holder's people manage its own product sheets, and no one else's.</summary>
    public static bool MayManageProducts(Actor actor, Guid ownerAgencyId) =>
        actor.HasScope(Scopes.ProductsWrite) && actor.IsInRole(Roles.RightsHolder) && actor.AgencyId == ownerAgencyId;

    public static bool MayLookUpProducts(Actor actor) => actor.HasScope(Scopes.ProductsLookup) && EnforcesTheLaw(actor);

    /// <summary>
    /// A restricted authentication feature reaches only the agencies, or the countries' agencies, its owner picked.
    /// </summary>
    public static bool MaySeeFeature(
        string? agencyCode,
        string? agencyCountry,
        bool restricted,
        IReadOnlyCollection<string> agencies,
        IReadOnlyCollection<string> countries) =>
        !restricted
        || (agencyCode is not null && agencies.Contains(agencyCode))
        || (agencyCountry is not null && countries.Contains(agencyCountry));

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
}
