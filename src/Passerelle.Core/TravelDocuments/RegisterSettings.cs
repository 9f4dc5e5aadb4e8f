using System.ComponentModel.DataAnnotations;

namespace Passerelle.Core.TravelDocuments;

/// <summary><c>Register:*</c>.</summary>
public sealed class RegisterSettings
{
    public const string Section = "Register";

    /// <summary>
    /// Years after the report when a record leaves screening, unless the owner sets another review date.
    /// </summary>
    [Range(1, 50)]
    public int ReviewYears { get; set; } = 10;

    /// <summary>Days after the review date when a record is purged.</summary>
    [Range(0, 3650)]
    public int PurgeGraceDays { get; set; } = 90;

    /// <summary>How often a node looks for changes written by other nodes.</summary>
    [Range(50, 60_000)]
    public int FollowMilliseconds { get; set; } = 500;
}
