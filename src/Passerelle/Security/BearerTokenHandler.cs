using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Tokens;
using Passerelle.Errors;

namespace Passerelle.Security;

/// <summary>
/// Authenticates machines by <c>Authorization: Bearer &lt;token&gt;</c>, and answers refusals as ProblemDetails.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string RefusalKey = "passerelle:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var authenticate = Context.RequestServices.GetRequiredService<AuthenticateToken>();
        var result = await authenticate.HandleAsync(
            token, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (!result.Succeeded)
        {
            Context.Items[RefusalKey] = result.Error;
            return AuthenticateResult.Fail(result.Error.Code);
        }

        var principal = PasserelleClaims.FromActor(result.Value, SchemeName);
        PasserelleClaims.Keep(Context, principal, result.Value);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var refusal = Context.Items[RefusalKey] as Core.Common.Error;
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            refusal?.Code ?? HttpErrors.AuthRequired.Code,
            refusal?.Message ?? "Send an API token as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, HttpErrors.AccessDenied, AccessErrors.DeniedMessage);
}
