using Microsoft.AspNetCore.Http.HttpResults;
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
        tokens.MapGet("/", List).WithSummary("The tokens the caller may see; never their secrets.");
        tokens.MapPost("/", Create).WithSummary("Create a token. Its secret is in this answer only.");
        tokens.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke a token; it is refused from its next use.");
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
