using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.People;

/// <summary><c>SignIn:*</c>: the password policy, the lockout and who needs a second factor.</summary>
public sealed class SignInSettings
{
    public const string Section = "SignIn";

    [Range(8, 128)]
    public int PasswordMinLength { get; set; } = 12;

    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Roles that must enrol TOTP besides admin and coordinator, which always must.</summary>
    public List<string> TotpRequiredRoles { get; set; } = [];

    public bool RequiresTotp(IEnumerable<string> roles) => AccessRules.NeedsSecondFactor(roles, TotpRequiredRoles);

    public void Apply(IdentityOptions identity)
    {
        identity.Password.RequiredLength = PasswordMinLength;
        identity.Password.RequireDigit = true;
        identity.Password.RequireLowercase = true;
        identity.Password.RequireUppercase = true;
        identity.Password.RequireNonAlphanumeric = true;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = LockoutAttempts;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
        identity.User.RequireUniqueEmail = false;
        identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
        identity.SignIn.RequireConfirmedAccount = false;
    }
}
