using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.People;

/// <summary>Every code an operation on people, their passwords and their second factor may fail with.</summary>
public static class PeopleErrors
{
    /// <summary>The agency named for a new person does not exist.</summary>
    public static readonly ErrorCode Agency = ErrorCode.Invalid("user.agency");
    public static readonly ErrorCode Login = ErrorCode.Invalid("user.login");
    public static readonly ErrorCode Roles = ErrorCode.Invalid("user.roles");

    /// <summary>The roles do not fit the agency's kind (rights holders against everyone else).</summary>
    public static readonly ErrorCode RolesAgency = ErrorCode.Invalid("user.roles-agency");
    public static readonly ErrorCode RolesSelf = ErrorCode.Invalid("user.roles-self");
    public static readonly ErrorCode Password = ErrorCode.Invalid("user.password");
    public static readonly ErrorCode PasswordPolicy = ErrorCode.Invalid("user.password-policy");
    public static readonly ErrorCode Duplicate = ErrorCode.Conflict("user.duplicate");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("user.not-found");
    public static readonly ErrorCode ResetSelf = ErrorCode.Invalid("user.reset-self");
    public static readonly ErrorCode DisableSelf = ErrorCode.Invalid("user.disable-self");
    public static readonly ErrorCode CurrentPassword = ErrorCode.Invalid("password.current");
    public static readonly ErrorCode NewPassword = ErrorCode.Invalid("password.new");
    public static readonly ErrorCode PasswordUnchanged = ErrorCode.Invalid("password.unchanged");

    /// <summary>The two new passwords a person typed differ.</summary>
    public static readonly ErrorCode PasswordConfirm = ErrorCode.Invalid("password.confirm");
    public static readonly ErrorCode LockedOut = ErrorCode.Invalid("password.locked-out");
    public static readonly ErrorCode CurrentPasswordWrong = ErrorCode.Invalid("password.current-wrong");

    /// <summary>The new password breaks the password policy.</summary>
    public static readonly ErrorCode NewPasswordPolicy = ErrorCode.Invalid("password.policy");

    /// <summary>The code from an authenticator app is wrong.</summary>
    public static readonly ErrorCode TotpCode = ErrorCode.Invalid("totp.code");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        Agency, Login, Roles, RolesAgency, RolesSelf, Password, PasswordPolicy, Duplicate, NotFound, ResetSelf,
        DisableSelf, CurrentPassword, NewPassword, PasswordUnchanged, PasswordConfirm, LockedOut, CurrentPasswordWrong,
        NewPasswordPolicy, TotpCode,
    ];
}
