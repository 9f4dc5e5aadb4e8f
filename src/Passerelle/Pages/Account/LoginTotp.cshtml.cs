using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;
using Passerelle.Localization;
using Passerelle.Security;

namespace Passerelle.Pages.Account;

/// <summary>The second step of sign-in for people who have enrolled TOTP.</summary>
[AllowAnonymous]
public sealed class LoginTotpModel(SignInManager<User> signIn, SignInAudit audit, UiText text) : PasserellePage
{
    /// <summary>Anyone, signed in or not.</summary>
    protected internal override bool MayOpen(Actor actor) => true;

    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    [BindProperty(Name = "recoveryCode")]
    public string? RecoveryCode { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        var recovery = !string.IsNullOrWhiteSpace(RecoveryCode);
        var code = (recovery ? RecoveryCode : Code)
            ?.Replace(" ", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal) ?? "";
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(
                HttpContext,
                recovery ? AuditEvent.RecoveryCodeUsed : AuditEvent.LoginSucceeded,
                Outcomes.Success,
                user,
                null,
                AuditDetails.With("method", recovery ? "password+recovery-code" : "password+totp"));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(
                HttpContext,
                AuditEvent.LockedOut,
                Outcomes.Denied,
                user,
                null,
                AuditDetails.With("reason", "second-factor attempt on a locked account"));
            Errors.Add(text["This account is locked. Try again later or ask your coordinator."]);
            return Page();
        }

        await audit.RecordAsync(HttpContext, AuditEvent.TotpFailed, Outcomes.Failure, user, null,
            AuditDetails.With("reason", recovery ? "wrong recovery code" : "wrong code"));
        Errors.Add(text["The code is wrong."]);
        return Page();
    }
}
