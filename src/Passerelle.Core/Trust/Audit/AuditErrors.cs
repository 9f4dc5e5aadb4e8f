using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Audit;

/// <summary>Every code reading, exporting or checkpointing the audit trail may fail with.</summary>
public static class AuditErrors
{
    public static readonly ErrorCode Limit = ErrorCode.Invalid("audit.limit");

    /// <summary>A filter's time that is not a time.</summary>
    public static readonly ErrorCode Time = ErrorCode.Invalid("audit.time");

    /// <summary>An export format other than JSON Lines or CSV.</summary>
    public static readonly ErrorCode Format = ErrorCode.Invalid("audit.format");

    /// <summary>There is no key to sign checkpoints with, and none may be made.</summary>
    public static readonly ErrorCode NoCheckpointKey = ErrorCode.NotFound("checkpoint.no-key");
    public static readonly ErrorCode ShortCheckpointKey = ErrorCode.Invalid("checkpoint.short-key");

    /// <summary>A line of the checkpoint file is not a checkpoint.</summary>
    public static readonly ErrorCode CheckpointLine = ErrorCode.Invalid("checkpoint.line");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
        [Limit, Time, Format, NoCheckpointKey, ShortCheckpointKey, CheckpointLine];
}
