using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.People;

namespace Passerelle.Security;

/// <summary>Adds the agency, and marks people who must still choose their password or enrol a second factor.</summary>
internal sealed class PasserelleClaimsFactory(
    UserManager<User> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> identity,
    IOptions<SignInSettings> signIn,
    PasserelleDb db)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(users, roles, identity)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var claims = await base.GenerateClaimsAsync(user);
        var agency = await db.Agencies.AsNoTracking()
            .Where(a => a.Id == user.AgencyId)
            .Select(a => a.Code)
            .SingleAsync();
        claims.AddClaim(new Claim(PasserelleClaims.AgencyId, user.AgencyId.ToString()));
        claims.AddClaim(new Claim(PasserelleClaims.AgencyCode, agency));
        if (user.MustChangePassword)
        {
            claims.AddClaim(new Claim(PasserelleClaims.PasswordChangePending, "true"));
        }

        var roleNames = claims.FindAll(ClaimTypes.Role).Select(c => c.Value);
        if (!user.TwoFactorEnabled && signIn.Value.RequiresTotp(roleNames))
        {
            claims.AddClaim(new Claim(PasserelleClaims.TotpPending, "true"));
        }

        return claims;
    }
}
