namespace Passerelle.Hosting;

/// <summary><c>Health:*</c>.</summary>
internal sealed class HealthSettings
{
    public const string Section = "Health";

    /// <summary>
    /// Whether <c>/health/ready</c> shows each check's words and figures; unset, only in Development.
    /// </summary>
    public bool? ShowDetails { get; set; }
}
