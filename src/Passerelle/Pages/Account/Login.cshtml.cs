using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;
using Passerelle.Localization;
using Passerelle.Security;

namespace Passerelle.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<User> signIn, UserManager<User> users, SignInAudit audit, UiText text) : PasserellePage
{
    /// <summary>Anyone, signed in or not.</summary>
    protected internal override bool MayOpen(Actor actor) => true;

    [BindProperty(Name = "login")]
    public string? Login { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Login) || string.IsNullOrEmpty(Password))
        {
            Errors.Add(text["Enter the login and the password."]);
            return Page();
        }

        var login = Login.Trim().ToLowerInvariant();
        var user = await users.FindByNameAsync(login);
        var result = await signIn.PasswordSignInAsync(login, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(
                HttpContext,
                AuditEvent.LoginSucceeded,
                Outcomes.Success,
                user,
                login,
                AuditDetails.With("method", "password"));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginTotp", new { returnUrl = ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(
                HttpContext,
                AuditEvent.LockedOut,
                Outcomes.Denied,
                user,
                login,
                AuditDetails.With("reason", "password attempt on a locked account"));
            Errors.Add(text["This account is locked. Try again later or ask your coordinator."]);
            return Page();
        }

        await audit.RecordAsync(HttpContext, AuditEvent.LoginFailed, Outcomes.Failure, user, login,
            AuditDetails.With("reason", user is null ? "unknown login" : "wrong password"));
        Errors.Add(text["The login or password is wrong."]);
        return Page();
    }
}
