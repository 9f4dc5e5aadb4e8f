using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Hits;

/// <summary>
/// Where a case stands. A decided case is confirmed, recovered or a mismatch; "clear" is only ever the screening's
/// "no match", never a decision. Stored by name; rows written before the rename read <c>Cleared</c> until the
/// <c>OneOpenCasePerAgency</c> migration turns them into <c>Recovered</c>.
/// </summary>
public enum HitStatus
{
    Open,
    Confirmed,
    Recovered,
    Mismatch,
}

/// <summary>The API's and the timeline's words for <see cref="HitStatus"/>.</summary>
public static class HitStatuses
{
    public static string Name(this HitStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Reads a status as a caller writes it; <c>cleared</c>, the former name, reads as recovered.</summary>
    public static bool TryParse(string? text, out HitStatus status)
    {
        if (string.Equals(text, "cleared", StringComparison.OrdinalIgnoreCase))
        {
            status = HitStatus.Recovered;
            return true;
        }

        return Common.EnumNames.TryParse(text, out status);
    }
}

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

/// <summary>One step in a case's timeline.</summary>
public sealed class HitCaseEvent
{
    public long Id { get; init; }

    public Guid CaseId { get; init; }

    public DateTime At { get; init; }

    /// <summary>
    /// <c>opened</c>, <c>screened-again</c>, <c>notified</c>, <c>webhook-delivered</c>, <c>webhook-failed</c>,
    /// <c>confirmed</c>, <c>recovered</c> or <c>mismatch</c>.
    /// </summary>
    public required string Kind { get; init; }

    public required string By { get; init; }

    public string? Note { get; init; }
}
