using Passerelle.Core.Common;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.Errors;

/// <summary>
/// Every code the host answers with itself, around the Core operations: reading the request, authentication, rate
/// limits, storage faults and bugs. The API contract lists them beside each capability's own catalogue.
/// </summary>
internal static class HttpErrors
{
    /// <summary>A parameter or body the framework could not bind, or a 400 answered with no code of its own.</summary>
    public static readonly HttpErrorCode RequestInvalid = new("request.invalid", StatusCodes.Status400BadRequest);

    public static readonly HttpErrorCode MalformedJson = new("request.malformed-json", StatusCodes.Status400BadRequest);

    /// <summary>No bearer token was sent.</summary>
    public static readonly HttpErrorCode AuthRequired = new("auth.required", StatusCodes.Status401Unauthorized);

    /// <summary>The caller may not do this: a Core rule says no, or the token's scopes miss the route.</summary>
    public static readonly HttpErrorCode AccessDenied = new(AccessErrors.Denied.Code, StatusCodes.Status403Forbidden);

    /// <summary>No route at this address, or an address whose identifier is not even well formed.</summary>
    public static readonly HttpErrorCode NotFound = new("not-found", StatusCodes.Status404NotFound);

    public static readonly HttpErrorCode MethodNotAllowed =
        new("method-not-allowed", StatusCodes.Status405MethodNotAllowed);

    public static readonly HttpErrorCode Conflict = new("conflict", StatusCodes.Status409Conflict);

    public static readonly HttpErrorCode TooLarge = new("request.too-large", StatusCodes.Status413PayloadTooLarge);

    public static readonly HttpErrorCode UnsupportedMediaType =
        new("request.unsupported-media-type", StatusCodes.Status415UnsupportedMediaType);

    public static readonly HttpErrorCode RateLimited = new("rate-limited", StatusCodes.Status429TooManyRequests);

    /// <summary>A bug; the request id finds it in the log.</summary>
    public static readonly HttpErrorCode ServerError = new("server.error", StatusCodes.Status500InternalServerError);

    /// <summary>A 503 answered with no code of its own.</summary>
    public static readonly HttpErrorCode ServerBusy = new("server.busy", StatusCodes.Status503ServiceUnavailable);

    public static readonly HttpErrorCode DatabaseUnavailable =
        new("database.unavailable", StatusCodes.Status503ServiceUnavailable);

    /// <summary>The server stopped before the request's audit entry committed; another node can answer it.</summary>
    public static readonly HttpErrorCode ServerStopping =
        new("server.stopping", StatusCodes.Status503ServiceUnavailable);

    public static readonly HttpErrorCode StorageFull = new("storage.full", StatusCodes.Status507InsufficientStorage);

    /// <summary>
    /// A bearer token refused (<see cref="AuthenticateToken"/>): Core calls it forbidden, and the bearer scheme
    /// answers it as unauthenticated, with the code of the refusal.
    /// </summary>
    public static IReadOnlyList<ErrorCode> BearerRefusals { get; } =
    [
        TokenErrors.Malformed, TokenErrors.Unknown, TokenErrors.Expired, TokenErrors.Revoked,
        TokenErrors.OwnerDisabled,
    ];

    /// <summary>A Core failure as the host answers it.</summary>
    public static HttpErrorCode Of(ErrorCode code) => new(code.Code,
        BearerRefusals.Contains(code) ? StatusCodes.Status401Unauthorized : Problems.StatusOf(code.Kind));

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<HttpErrorCode> All { get; } =
    [
        RequestInvalid, MalformedJson, AuthRequired, AccessDenied, NotFound, MethodNotAllowed, Conflict, TooLarge,
        UnsupportedMediaType, RateLimited, ServerError, ServerBusy, DatabaseUnavailable, ServerStopping, StorageFull,
    ];
}
