namespace Passerelle.Pages;

/// <summary>Thumbnails that open the full picture, served under the reader's own rights.</summary>
public sealed record GalleryView(IReadOnlyList<Guid> Pictures, string Alt, string? Id = null);
