namespace Passerelle.Core.Pictures;

/// <summary>
/// A picture accepted into Passerelle: re-encoded without metadata, with a thumbnail, both in the blob store.
/// </summary>
public sealed class Picture
{
    public Guid Id { get; init; }

    /// <summary>The rights holder or agency that uploaded it.</summary>
    public Guid OwnerAgencyId { get; init; }

    /// <summary>What the picture belongs to, such as <c>product:{id}</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>image/jpeg, image/png or image/webp, as recognised from the content.</summary>
    public required string ContentType { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public long Bytes { get; init; }

    public DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>On a product sheet: the picture shows a fake, as a warning, not the genuine article.</summary>
    public bool Counterfeit { get; init; }

    /// <summary>What to look at in the picture, in the rights holder's words.</summary>
    public string? Caption { get; init; }
}
