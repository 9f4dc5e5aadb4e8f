using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.People;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Users;

internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", List).WithSummary("People of one agency (?agency=CODE), or everyone for administrators.");
        users.MapPost("/", Add).WithSummary("Add a person to an agency.");
        users.MapPost("/{login}/disable", Disable).WithSummary("Disable a person: no sign-in, no token.");
    }

    private static async Task<Results<Ok<IReadOnlyList<UserSummary>>, ProblemHttpResult>> List(string? agency, HttpContext http, ListUsers list, CancellationToken ct)
    {
        var result = await list.HandleAsync(http.Actor(), agency, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<UserSummary>, ProblemHttpResult>> Add(AddUserRequest request, HttpContext http, AddUser add, CancellationToken ct)
    {
        var result = await add.HandleAsync(http.Actor(), request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/users/{result.Value!.Login}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> Disable(string login, HttpContext http, DisableUser disable, CancellationToken ct)
    {
        var result = await disable.HandleAsync(http.Actor(), login, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
