using Passerelle.Core.Alerts;

namespace Passerelle.Core.Products;

public sealed record FeatureView(
    Guid Id, string Kind, string Description, bool Restricted, IReadOnlyList<string>? AllowedAgencies,
    IReadOnlyList<string>? AllowedCountries);

/// <summary>
/// A product sheet as its reader may see it: an officer gets only the features meant for their agency.
/// </summary>
public sealed record ProductView(
    Guid Id, string Owner, string Brand, string Name, string? Description, IReadOnlyList<string> Gtins,
    string? HsCode, string? Packaging, IReadOnlyList<string> ManufacturingCountries, string? DistributionRoutes,
    string? CounterfeitIndicators, string? Contacts, string? Hotline, IReadOnlyList<FeatureView> Features,
    int Version, DateTime UpdatedAt, DateTime? PublishedAt)
{
    /// <summary>
    /// On an officer's lookup, the active alerts about this product meant for the officer's agency or country.
    /// </summary>
    public IReadOnlyList<AlertView>? Alerts { get; init; }

    /// <summary>The sheet's pictures, oldest first.</summary>
    public IReadOnlyList<Pictures.PictureRef> Pictures { get; init; } = [];

    /// <param name="visible">Which features the reader may see; the owner sees all, with whom each is shared.</param>
    internal static ProductView Of(
        ProductSheet p, string owner, Func<AuthenticationFeature, bool> visible, bool owns) => new(
        p.Id, owner, p.Brand, p.Name, p.Description, [.. p.Gtins.Select(g => g.Gtin).Order(StringComparer.Ordinal)],
        p.HsCode, p.Packaging, p.ManufacturingCountries, p.DistributionRoutes, p.CounterfeitIndicators, p.Contacts,
        p.Hotline,
        [.. p.Features.Where(visible)
            .OrderBy(f => f.Kind)
            .ThenBy(f => f.Description, StringComparer.Ordinal)
            .Select(f => new FeatureView(
                f.Id, f.Kind.ToString().ToLowerInvariant(), f.Description, f.Restricted,
                owns ? f.AllowedAgencies : null, owns ? f.AllowedCountries : null))],
        p.Version, p.UpdatedAt, p.PublishedAt);
}
