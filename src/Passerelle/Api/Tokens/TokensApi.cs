using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Tokens;
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

    private static async Task<Results<Ok<IReadOnlyList<TokenSummary>>, ProblemHttpResult>> List(HttpContext http, ListTokens list, CancellationToken ct)
    {
        var result = await list.HandleAsync(http.Actor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> Create(CreateTokenRequest request, HttpContext http, CreateToken create, CancellationToken ct)
    {
        var result = await create.HandleAsync(http.Actor(), request, ct);
        http.Response.Headers.CacheControl = "no-store";
        return result.Succeeded ? TypedResults.Created($"/api/v1/tokens/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<RevokedToken>, ProblemHttpResult>> Revoke(Guid id, HttpContext http, RevokeToken revoke, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(new RevokedToken(id, result.Value)) : result.Error!.ToProblem();
    }
}
