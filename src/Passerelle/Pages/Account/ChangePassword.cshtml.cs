using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.People;
using Passerelle.Localization;

namespace Passerelle.Pages.Account;

/// <summary>A person chooses their own password: when they wish, and before anything else when someone else set it.</summary>
public sealed class ChangePasswordModel(
    ChangeOwnPassword change, UserManager<User> users, SignInManager<User> signIn, UiText text) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayUseOwnAccount(actor);

    public int MinLength => users.Options.Password.RequiredLength;

    [BindProperty(Name = "currentPassword")]
    public string? CurrentPassword { get; set; }

    [BindProperty(Name = "newPassword")]
    public string? NewPassword { get; set; }

    [BindProperty(Name = "confirmPassword")]
    public string? ConfirmPassword { get; set; }

    /// <summary>The password was set by someone else, so the page explains why it stands in the way.</summary>
    public bool Required { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync() => Required = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        Required = user.MustChangePassword;
        if (NewPassword != ConfirmPassword)
        {
            Show(PeopleErrors.PasswordConfirm.With(text["The two new passwords differ."], "confirmPassword"));
            return Page();
        }

        var result = await change.HandleAsync(Actor, new ChangeOwnPasswordRequest(CurrentPassword, NewPassword), ct);
        if (!result.Succeeded)
        {
            Show(result.Error);
            return Page();
        }

        // New claims lift the gate; the TOTP gate takes over if a second factor is still to enrol.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        Changed = true;
        Required = false;
        return Page();
    }
}
