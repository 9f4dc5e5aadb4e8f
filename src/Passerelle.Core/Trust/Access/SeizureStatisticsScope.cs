namespace Passerelle.Core.Trust.Access;

/// <summary>Whose seizures an actor's statistics count, as a filter a query can apply in the database.</summary>
public enum SeizureStatisticsScope
{
    None,

    /// <summary>A rights holder: seizures of its own brands' goods, wherever they were detained.</summary>
    OwnBrands,

    /// <summary>Law enforcement and auditors: goods detained by the agencies of their own agency's country.</summary>
    OwnCountry,
}
