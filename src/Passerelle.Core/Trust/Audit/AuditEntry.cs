namespace Passerelle.Core.Trust.Audit;

/// <summary>One link of the hash chain. Written once; never updated.</summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }

    public DateTime OccurredAt { get; init; }

    public int EventCode { get; init; }

    public required string Operation { get; init; }

    public required string Outcome { get; init; }

    public Guid? UserId { get; init; }

    public string? Login { get; init; }

    public string? AgencyCode { get; init; }

    public Guid? TokenId { get; init; }

    public string? Target { get; init; }

    public string? Purpose { get; init; }

    public string? Details { get; init; }

    public string? Source { get; init; }

    public required string PreviousHash { get; init; }

    /// <summary>Set once, when the entry is linked into the chain.</summary>
    public string Hash { get; internal set; } = "";
}
