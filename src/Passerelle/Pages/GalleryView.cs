namespace Passerelle.Pages;

/// <summary>One thumbnail: the text read out in its place, and the caption shown under it.</summary>
public sealed record GalleryItem(Guid Id, string Alt, string? Caption = null);

/// <summary>Thumbnails that open the full picture, served under the reader's own rights.</summary>
public sealed record GalleryView(IReadOnlyList<GalleryItem> Items, string? Id = null);
