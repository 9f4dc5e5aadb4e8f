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
        users.MapPost("/{login}/reset", Reset)
            .WithSummary("Give a person a one-time password, in this answer only; they change it and enrol TOTP again.");
        users.MapPut("/{login}/roles", ChangeRoles).WithSummary("Replace a person's roles, within what the caller may grant.");
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

    private static async Task<Results<Ok<PasswordResetDone>, ProblemHttpResult>> Reset(string login, HttpContext http, ResetPassword reset, CancellationToken ct)
    {
        var result = await reset.HandleAsync(http.Actor(), login, ct);
        http.Response.Headers.CacheControl = "no-store";
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> ChangeRoles(
        string login, ChangeUserRolesRequest request, HttpContext http, ChangeUserRoles change, CancellationToken ct)
    {
        var result = await change.HandleAsync(http.Actor(), login, request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> Disable(string login, HttpContext http, DisableUser disable, CancellationToken ct)
    {
        var result = await disable.HandleAsync(http.Actor(), login, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
