using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
using Passerelle.Core.Trust.People;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Me;

internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Me").ProducesErrors(PeopleErrors.NotFound)
            .Documented("DescribeMe", "Describe the caller",
                "The person the token belongs to, their agency and roles, and the token's scopes. Any valid token.");
        api.MapPost("/me/password", ChangePassword).WithTags("Me")
            .ProducesErrors(
                PeopleErrors.CurrentPassword, PeopleErrors.NewPassword, PeopleErrors.PasswordUnchanged,
                PeopleErrors.LockedOut, PeopleErrors.CurrentPasswordWrong, PeopleErrors.NewPasswordPolicy)
            .Documented("ChangeOwnPassword", "Change one's own password",
                "The token's person changes their password, proving the current one; the password policy applies. "
                + "Answers 204. Audited, a failed attempt too.");
    }

    private static Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangeOwnPasswordRequest request, HttpContext http, ChangeOwnPassword change, CancellationToken ct) =>
        change.HandleAsync(http.Actor(), request, ct).ToNoContentAsync();

    private static Task<Results<Ok<MeView>, ProblemHttpResult>> GetMe(
        HttpContext http, DescribeMe describe, CancellationToken ct) =>
        describe.HandleAsync(http.Actor(), ct).ToOkAsync();
}
