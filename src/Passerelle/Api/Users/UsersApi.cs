using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.People;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Users;

internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", List).Documented("ListUsers", "List people",
            "The people of one agency (`?agency=CODE`): a coordinator its own agency's, an administrator any; "
            + "without an agency, everyone, for administrators alone (`users:read`). Audited as a consultation.")
            .ProducesErrors(AgencyErrors.NotFound);
        users.MapPost("/", Add).Documented("AddUser", "Add a person",
            "A person of an agency, with roles within what the caller may grant: a coordinator officers, "
            + "investigators and coordinators of its own agency, an administrator anyone (`users:write`). A rights "
            + "holder's people hold the rights-holder role alone. Audited.")
            .ProducesErrors(
                PeopleErrors.Agency, PeopleErrors.Roles, PeopleErrors.Login, PeopleErrors.RolesAgency,
                PeopleErrors.Password, PeopleErrors.Duplicate, PeopleErrors.PasswordPolicy);
        users.MapPost("/{login}/disable", Disable).Documented("DisableUser", "Disable a person",
            "No more sign-in, and the person's tokens stop at once. Within the caller's role ceiling, never on "
            + "someone holding a role the caller could not grant (`users:write`). Audited.")
            .ProducesErrors(PeopleErrors.NotFound, PeopleErrors.DisableSelf);
        users.MapPost("/{login}/reset", Reset).Documented("ResetPassword", "Reset a person's password",
            "A one-time password, in this answer only (`no-store`): the person chooses a new one and enrols TOTP "
            + "again, and their tokens are revoked. Within the caller's role ceiling (`users:write`). Audited.")
            .ProducesErrors(PeopleErrors.NotFound, PeopleErrors.ResetSelf);
        users.MapPut("/{login}/roles", ChangeRoles).Documented("ChangeUserRoles", "Replace a person's roles",
            "Within what the caller may grant (`users:write`); the person's tokens that the new roles no longer "
            + "allow are revoked. Audited.")
            .ProducesErrors(
                PeopleErrors.NotFound, PeopleErrors.Roles, PeopleErrors.RolesSelf, PeopleErrors.RolesAgency);
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
