namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// The audit writer as the health check sees it: entries waiting, the last commit, since when commits fail, since
/// when the batch now being committed has been, and whether the writer has stopped.
/// </summary>
public sealed record AuditWriterState(
    int Queued,
    DateTimeOffset? LastCommitAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset? CommittingSince,
    bool Stopped);
