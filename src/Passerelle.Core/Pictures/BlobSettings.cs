using System.ComponentModel.DataAnnotations;

namespace Passerelle.Core.Pictures;

/// <summary>
/// <c>Blobs:Path</c>: the blob store's folder, <c>data/blobs</c> under the working directory by default.
/// </summary>
public sealed class BlobSettings
{
    public const string Section = "Blobs";

    /// <summary>An empty value would put pictures in whatever folder the server happens to start in.</summary>
    [Required(ErrorMessage = "Blobs:Path must name the folder that keeps pictures, such as data/blobs.")]
    public string Path { get; set; } = System.IO.Path.Combine("data", "blobs");
}
