using System.ComponentModel.DataAnnotations;

namespace Passerelle.Core.Products;

/// <summary><c>Products:*</c>.</summary>
public sealed class ProductsSettings
{
    [Range(1, 60)]
    public int AuthenticationWorkingDays { get; set; } = 10;

    /// <summary>How often a node looks for sheets and alerts changed on other nodes.</summary>
    [Range(50, 60_000)]
    public int FollowMilliseconds { get; set; } = 500;
}
