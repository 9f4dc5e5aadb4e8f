using System.ComponentModel.DataAnnotations;

namespace Passerelle.Errors;

/// <summary><c>Limits:MaxBodyBytes</c>: the largest request body a route takes unless it sets its own limit.</summary>
internal sealed class BodyLimitSettings
{
    public const string Section = "Limits";

    /// <summary>Zero would refuse every body, and a negative limit failed every request with a 500.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Limits:MaxBodyBytes is the largest request body in bytes: at least 1.")]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
