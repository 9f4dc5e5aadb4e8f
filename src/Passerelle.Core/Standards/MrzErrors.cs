using Passerelle.Core.Common;

namespace Passerelle.Core.Standards;

/// <summary>
/// Every code reading a machine-readable zone may fail with. What is wrong with a zone that reads (a check digit, a
/// code) is a <see cref="DocumentCheckReason"/> instead, since the register still answers for it.
/// </summary>
public static class MrzErrors
{
    public static readonly ErrorCode LineCount = ErrorCode.Invalid("mrz.line-count");
    public static readonly ErrorCode LineLength = ErrorCode.Invalid("mrz.line-length");

    /// <summary>A character that cannot appear in an MRZ.</summary>
    public static readonly ErrorCode Character = ErrorCode.Invalid("mrz.character");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = [LineCount, LineLength, Character];
}
