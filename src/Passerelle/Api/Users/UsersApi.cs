using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Trust.People;
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

    private static Task<Results<Ok<IReadOnlyList<UserSummary>>, ProblemHttpResult>> List(
        string? agency, HttpContext http, ListUsers list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), agency, ct).ToOkAsync();

    private static Task<Results<Created<UserSummary>, ProblemHttpResult>> Add(
        AddUserRequest request, HttpContext http, AddUser add, CancellationToken ct) =>
        add.HandleAsync(http.Actor(), request, ct).ToCreatedAsync(created => $"/api/v1/users/{created.Login}");

    private static async Task<Results<Ok<PasswordResetDone>, ProblemHttpResult>> Reset(
        string login, HttpContext http, ResetPassword reset, CancellationToken ct)
    {
        var result = await reset.HandleAsync(http.Actor(), login, ct);
        http.Response.Headers.CacheControl = "no-store";
        return result.ToOk();
    }

    private static Task<Results<Ok<UserSummary>, ProblemHttpResult>> ChangeRoles(
        string login, ChangeUserRolesRequest request, HttpContext http, ChangeUserRoles change, CancellationToken ct) =>
        change.HandleAsync(http.Actor(), login, request, ct).ToOkAsync();

    private static Task<Results<Ok<UserSummary>, ProblemHttpResult>> Disable(
        string login, HttpContext http, DisableUser disable, CancellationToken ct) =>
        disable.HandleAsync(http.Actor(), login, ct).ToOkAsync();
}
