using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Hits;

/// <summary>
/// A screening that found a record: the owner agency decides it, and the querying agency follows it. One case stays
/// open per record and querying agency; screening the same record again while it is open joins it.
/// </summary>
public sealed class HitCase
{
    public Guid Id { get; init; }

    public Guid DocumentId { get; init; }

    public Guid OwnerAgencyId { get; init; }

    /// <summary>Becomes a hit when a later screening of the case matches exactly; never goes back.</summary>
    public MatchKind Match { get; set; }

    public required string QueriedNumber { get; init; }

    public string? QueriedState { get; init; }

    public Guid QueryingAgencyId { get; init; }

    /// <summary>Who opened the case.</summary>
    public Guid? QueryingUserId { get; init; }

    public required string QueryingLogin { get; init; }

    public required string Purpose { get; init; }

    public string? Location { get; init; }

    public DateTime OpenedAt { get; init; }

    /// <summary>Screenings the case holds, the one that opened it included.</summary>
    public int ScreenCount { get; set; } = 1;

    public DateTime LastScreenedAt { get; set; }

    /// <summary>Who screened last, who most likely has the traveller in front of them.</summary>
    public Guid? LastScreenedByUserId { get; set; }

    public string? LastScreenedBy { get; set; }

    public HitStatus Status { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }
}
