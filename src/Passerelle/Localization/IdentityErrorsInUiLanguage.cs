using Microsoft.AspNetCore.Identity;

namespace Passerelle.Localization;

/// <summary>The password policy's messages in the person's UI language, beside the field they typed.</summary>
internal sealed class IdentityErrorsInUiLanguage(UiText text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), text.Format("The password needs at least {0} characters.", length));

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), text["The password needs a symbol, such as ! or -."]);

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), text["The password needs a digit."]);

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), text["The password needs a lower-case letter."]);

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), text["The password needs an upper-case letter."]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), text["The current password is wrong."]);

    private static IdentityError Error(string code, string description) =>
        new() { Code = code, Description = description };
}
