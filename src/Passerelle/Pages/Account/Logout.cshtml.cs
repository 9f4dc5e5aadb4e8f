using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;
using Passerelle.Security;

namespace Passerelle.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users, SignInAudit audit) : PasserellePage
{
    /// <summary>Anyone, signed in or not.</summary>
    protected internal override bool MayOpen(Actor actor) => true;

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await audit.RecordAsync(HttpContext, AuditEvent.Logout, Outcomes.Success, user, null);
        }

        await signIn.SignOutAsync();
        TravelDocuments.ScreeningMemory.Forget(HttpContext);
        return RedirectToPage("./Login");
    }
}
