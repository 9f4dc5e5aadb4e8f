using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Access;

/// <summary>The one code every refusal by an access rule answers with, whatever the capability.</summary>
public static class AccessErrors
{
    /// <summary>What a refusal says when its rule has nothing more specific to tell.</summary>
    public const string DeniedMessage = "You may not do this.";

    public static readonly ErrorCode Denied = ErrorCode.Forbidden("access.denied");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = [Denied];
}
