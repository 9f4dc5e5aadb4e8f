namespace Passerelle.Core.Products;

/// <summary>
/// A rights holder's description of a genuine product, and how to tell a fake. Only its owner changes it.
/// </summary>
public sealed class ProductSheet
{
    public Guid Id { get; init; }

    /// <summary>The rights-holder agency that owns the sheet.</summary>
    public Guid OwnerAgencyId { get; init; }

    public required string Brand { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? HsCode { get; set; }

    public string? Packaging { get; set; }

    /// <summary>ICAO country codes where genuine goods are made.</summary>
    public List<string> ManufacturingCountries { get; set; } = [];

    public string? DistributionRoutes { get; set; }

    public string? CounterfeitIndicators { get; set; }

    public string? Contacts { get; set; }

    /// <summary>The line that answers at any hour, for an officer with goods in front of them.</summary>
    public string? Hotline { get; set; }

    /// <summary>
    /// Brand and name folded for search: upper case, accents removed, so "lumiere" finds "Lumière" on every database.
    /// </summary>
    public string SearchKey { get; set; } = "";

    public List<ProductGtin> Gtins { get; set; } = [];

    public List<AuthenticationFeature> Features { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Null while a draft; officers see published sheets only.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>The audit sequence of the sheet's last change, which every node's catalogue follows.</summary>
    public long ChangeSequence { get; set; }
}
