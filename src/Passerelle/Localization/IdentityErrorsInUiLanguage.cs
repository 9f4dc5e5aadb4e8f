using Microsoft.AspNetCore.Identity;

namespace Passerelle.Localization;

/// <summary>The password policy's messages in the person's UI language, beside the field they typed.</summary>
internal sealed class IdentityErrorsInUiLanguage(UiText text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = text.Format("The password needs at least {0} characters.", length) };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = text["The password needs a symbol, such as ! or -."] };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = text["The password needs a digit."] };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = text["The password needs a lower-case letter."] };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = text["The password needs an upper-case letter."] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = text["The current password is wrong."] };
}
