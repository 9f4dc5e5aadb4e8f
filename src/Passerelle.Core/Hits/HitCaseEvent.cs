namespace Passerelle.Core.Hits;

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
