using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Hits;

public enum HitStatus
{
    Open,
    Confirmed,
    Cleared,
    Mismatch,
}

/// <summary>A screening that found a record: the owner agency decides it, and the querying officer follows it.</summary>
public sealed class HitCase
{
    public Guid Id { get; init; }

    public Guid DocumentId { get; init; }

    public Guid OwnerAgencyId { get; init; }

    public MatchKind Match { get; init; }

    public required string QueriedNumber { get; init; }

    public string? QueriedState { get; init; }

    public Guid QueryingAgencyId { get; init; }

    public Guid? QueryingUserId { get; init; }

    public required string QueryingLogin { get; init; }

    public required string Purpose { get; init; }

    public string? Location { get; init; }

    public DateTime OpenedAt { get; init; }

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

    /// <summary><c>opened</c>, <c>notified</c>, <c>webhook-delivered</c>, <c>webhook-failed</c>, <c>confirmed</c>, <c>cleared</c> or <c>mismatch</c>.</summary>
    public required string Kind { get; init; }

    public required string By { get; init; }

    public string? Note { get; init; }
}
