namespace Passerelle.Core.TravelDocuments;

/// <summary>One change to a record, kept for the record's history.</summary>
public sealed class TravelDocumentRevision
{
    public long Id { get; init; }

    public Guid DocumentId { get; init; }

    public int Version { get; init; }

    public DateTime ChangedAt { get; init; }

    public required string ChangedBy { get; init; }

    /// <summary><c>created</c>, <c>changed</c>, <c>deleted</c> or <c>recovered</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>What changed, as <c>field: old → new</c> lines.</summary>
    public required string Changes { get; init; }
}
