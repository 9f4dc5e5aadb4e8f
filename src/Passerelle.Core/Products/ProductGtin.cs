namespace Passerelle.Core.Products;

public sealed class ProductGtin
{
    public Guid SheetId { get; init; }

    /// <summary>GTIN-14.</summary>
    public required string Gtin { get; init; }
}
