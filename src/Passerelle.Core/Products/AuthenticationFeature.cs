namespace Passerelle.Core.Products;

/// <summary>
/// How to tell a genuine product: public to every verified law-enforcement agency, or restricted to those picked.
/// </summary>
public sealed class AuthenticationFeature
{
    public Guid Id { get; init; }

    public Guid SheetId { get; init; }

    public FeatureKind Kind { get; set; }

    public required string Description { get; set; }

    public bool Restricted { get; set; }

    /// <summary>For a restricted feature: the agencies, by code, that may see it.</summary>
    public List<string> AllowedAgencies { get; set; } = [];

    /// <summary>For a restricted feature: the countries whose agencies may see it.</summary>
    public List<string> AllowedCountries { get; set; } = [];
}
