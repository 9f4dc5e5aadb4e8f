using System.Security.Claims;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Security;

internal static class PasserelleClaims
{
    public const string AgencyId = "passerelle:agency-id";
    public const string AgencyCode = "passerelle:agency";
    public const string TokenId = "passerelle:token-id";
    public const string Scope = "passerelle:scope";

    /// <summary>Signed in with a password, but must enrol a second factor before doing anything else.</summary>
    public const string TotpPending = "passerelle:totp-pending";

    /// <summary>
    /// Signed in with a password someone else set, and must choose their own before doing anything else.
    /// </summary>
    public const string PasswordChangePending = "passerelle:password-change-pending";

    private static readonly object Kept = new();

    /// <summary>
    /// Keeps the actor a principal was made from with the request, so each use does not read it back from the claims.
    /// It counts only while <see cref="HttpContext.User"/> is that same principal.
    /// </summary>
    public static void Keep(HttpContext http, ClaimsPrincipal principal, Actor actor) =>
        http.Items[Kept] = new KeptActor(principal, actor);

    public static Actor ToActor(this ClaimsPrincipal principal, HttpContext http)
    {
        if (http.Items.TryGetValue(Kept, out var kept) && kept is KeptActor known
            && ReferenceEquals(known.Principal, principal))
        {
            return known.Actor;
        }

        var pending = principal.HasClaim(c => c.Type is TotpPending or PasswordChangePending);
        var scopes = principal.FindAll(Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var tokenId = principal.FindFirstValue(TokenId);
        return new Actor(
            Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : null,
            principal.Identity?.Name ?? "anonymous",
            Guid.TryParse(principal.FindFirstValue(AgencyId), out var agencyId) ? agencyId : null,
            principal.FindFirstValue(AgencyCode),
            pending
                ? new HashSet<string>()
                : principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            tokenId is null ? null : Guid.Parse(tokenId),
            tokenId is null ? null : scopes,
            http.Connection.RemoteIpAddress?.ToString());
    }

    public static Actor Actor(this HttpContext http) => http.User.ToActor(http);

    public static ClaimsPrincipal FromActor(Actor actor, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId!.Value.ToString()),
            new(ClaimTypes.Name, actor.Login),
            new(AgencyId, actor.AgencyId!.Value.ToString()),
            new(AgencyCode, actor.AgencyCode!),
            new(TokenId, actor.TokenId!.Value.ToString()),
        };
        claims.AddRange(actor.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange((actor.Scopes ?? new HashSet<string>()).Select(scope => new Claim(Scope, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private sealed record KeptActor(ClaimsPrincipal Principal, Actor Actor);
}
