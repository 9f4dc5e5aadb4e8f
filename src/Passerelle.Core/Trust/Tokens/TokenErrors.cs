using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Tokens;

/// <summary>Every code making, revoking or presenting an API token may fail with.</summary>
public static class TokenErrors
{
    /// <summary>No person has the login a new token is for.</summary>
    public static readonly ErrorCode User = ErrorCode.Invalid("token.user");

    /// <summary>A new token is asked for a disabled person.</summary>
    public static readonly ErrorCode UserDisabled = ErrorCode.Invalid("token.user-disabled");
    public static readonly ErrorCode Scopes = ErrorCode.Invalid("token.scopes");
    public static readonly ErrorCode ScopeUnknown = ErrorCode.Invalid("token.scope-unknown");

    /// <summary>A scope the owner's roles do not allow.</summary>
    public static readonly ErrorCode ScopeNotAllowed = ErrorCode.Invalid("token.scope-not-allowed");
    public static readonly ErrorCode Expiry = ErrorCode.Invalid("token.expiry");
    public static readonly ErrorCode Name = ErrorCode.Invalid("token.name");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("token.not-found");

    /// <summary>A bearer token that is not shaped like a Passerelle token.</summary>
    public static readonly ErrorCode Malformed = ErrorCode.Forbidden("token.malformed");
    public static readonly ErrorCode Unknown = ErrorCode.Forbidden("token.unknown");
    public static readonly ErrorCode Expired = ErrorCode.Forbidden("token.expired");
    public static readonly ErrorCode Revoked = ErrorCode.Forbidden("token.revoked");

    /// <summary>
    /// A bearer token whose owner is disabled. It shares its code with <see cref="UserDisabled"/>, under another
    /// kind: the one refuses a token presented, the other a token asked for.
    /// </summary>
    public static readonly ErrorCode OwnerDisabled = ErrorCode.Forbidden("token.user-disabled");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        User, UserDisabled, Scopes, ScopeUnknown, ScopeNotAllowed, Expiry, Name, NotFound, Malformed, Unknown, Expired,
        Revoked, OwnerDisabled,
    ];
}
