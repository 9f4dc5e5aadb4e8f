using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Trust.People;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Me;

internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Me").WithSummary("The caller: person, agency, roles and token scopes.");
        api.MapPost("/me/password", ChangePassword).WithTags("Me")
            .WithSummary("Change the caller's own password, proving the current one.");
    }

    private static Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangeOwnPasswordRequest request, HttpContext http, ChangeOwnPassword change, CancellationToken ct) =>
        change.HandleAsync(http.Actor(), request, ct).ToNoContentAsync();

    private static Task<Results<Ok<MeView>, ProblemHttpResult>> GetMe(
        HttpContext http, DescribeMe describe, CancellationToken ct) =>
        describe.HandleAsync(http.Actor(), ct).ToOkAsync();
}
