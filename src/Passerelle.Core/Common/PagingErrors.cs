namespace Passerelle.Core.Common;

/// <summary>Every code asking for a page of a list may fail with.</summary>
public static class PagingErrors
{
    public static readonly ErrorCode Size = ErrorCode.Invalid("page.size");

    /// <summary>A page before the first, or beyond the items a list counts.</summary>
    public static readonly ErrorCode Number = ErrorCode.Invalid("page.number");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = [Size, Number];
}
