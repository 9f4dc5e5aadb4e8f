using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
using Passerelle.Core.Trust.Tokens;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Tokens;

internal sealed record RevokedToken(Guid Id, DateTime RevokedAt);

internal static class TokensApi
{
    public static void MapTokensApi(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", List).Documented("ListTokens", "List tokens",
            "The tokens the caller may see, never their secrets: anyone their own (`tokens:read`), a coordinator "
            + "its agency's, an administrator everyone's. Audited as a consultation.");
        tokens.MapPost("/", Create).Documented("CreateToken", "Create a token",
            "A token for a person of the caller's agency (coordinators) or anyone's (administrators), within the "
            + "caller's role ceiling, with scopes the person's roles allow and, when a token makes it, no more than "
            + "its own (`tokens:write`). Its secret is in this answer only (`no-store`). Audited.")
            .ProducesErrors(
                TokenErrors.User, TokenErrors.UserDisabled, TokenErrors.Scopes, TokenErrors.ScopeUnknown,
                TokenErrors.ScopeNotAllowed, TokenErrors.Expiry, TokenErrors.Name);
        tokens.MapDelete("/{id:guid}", Revoke).Documented("RevokeToken", "Revoke a token",
            "Refused from its next use, on every node within two seconds. Anyone revokes their own "
            + "(`tokens:write`); a coordinator its agency's people's, an administrator anyone's. Audited.")
            .ProducesErrors(TokenErrors.NotFound);
    }

    private static Task<Results<Ok<IReadOnlyList<TokenSummary>>, ProblemHttpResult>> List(
        HttpContext http, ListTokens list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), ct).ToOkAsync();

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> Create(
        CreateTokenRequest request, HttpContext http, CreateToken create, CancellationToken ct)
    {
        var result = await create.HandleAsync(http.Actor(), request, ct);
        http.Response.Headers.CacheControl = "no-store";
        return result.ToCreated(created => $"/api/v1/tokens/{created.Id}");
    }

    private static Task<Results<Ok<RevokedToken>, ProblemHttpResult>> Revoke(
        Guid id, HttpContext http, RevokeToken revoke, CancellationToken ct) =>
        revoke.HandleAsync(http.Actor(), id, ct).ToOkAsync(revokedAt => new RevokedToken(id, revokedAt));
}
