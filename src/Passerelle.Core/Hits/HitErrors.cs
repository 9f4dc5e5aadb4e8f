using Passerelle.Core.Common;

namespace Passerelle.Core.Hits;

/// <summary>Every code reading or deciding a hit case may fail with.</summary>
public static class HitErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("hit.not-found");
    public static readonly ErrorCode Note = ErrorCode.Invalid("hit.note");

    /// <summary>The case was decided before this decision had its turn.</summary>
    public static readonly ErrorCode Decided = ErrorCode.Conflict("hit.decided");

    /// <summary>A status filter that names no status.</summary>
    public static readonly ErrorCode Status = ErrorCode.Invalid("hit.status");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = [NotFound, Note, Decided, Status];
}
