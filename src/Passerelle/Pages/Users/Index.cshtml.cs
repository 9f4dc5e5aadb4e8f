using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.People;
using Passerelle.Localization;
using Passerelle.Security;

namespace Passerelle.Pages.Users;

public sealed class IndexModel(
    ListUsers list, AddUser add, DisableUser disable, ResetPassword reset, ChangeUserRoles changeRoles, UiText text)
    : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayManagePeople(actor);

    public IReadOnlyList<UserSummary> People { get; private set; } = [];

    /// <summary>
    /// What an action did, shown once above the table. It crosses the redirect after the action in TempData (an
    /// encrypted cookie read once), so reloading the page repeats nothing and shows nothing again.
    /// </summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shown apart from the sentence, so no punctuation is mistaken for part of it.</summary>
    [TempData]
    public string? OneTimePassword { get; set; }

    /// <summary>
    /// The roles the actor may give in the agency shown, from <see cref="AccessRules.GrantableRoles"/>.
    /// </summary>
    public IReadOnlyList<string> Grantable { get; private set; } = [];

    public bool MayManage(UserSummary person) =>
        person.Id != Actor.UserId && AccessRules.MayManageUser(Actor, person.AgencyId, person.Roles);

    /// <summary>Whose people to show; a coordinator sees its own agency's.</summary>
    [BindProperty(Name = "agency", SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(Name = "login")]
    public string? Login { get; set; }

    [BindProperty(Name = "roles")]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Notice is not null)
        {
            Response.Headers.CacheControl = SecurityHeaders.PageNoStore;
        }

        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ActAsync(
        add.HandleAsync(Actor, new AddUserRequest(Agency ?? Actor.AgencyCode, Login, SelectedRoles, Password), ct),
        person => Telling(Back(), "{0} added; they choose their own password at first sign-in.", person.Login),
        () => LoadAsync(ct));

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => ActAsync(
        disable.HandleAsync(Actor, Login ?? "", ct),
        _ => Telling(Back(), "{0} disabled: their sign-in and tokens stop now.", Login ?? ""),
        () => LoadAsync(ct));

    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) => ActAsync(
        reset.HandleAsync(Actor, Login ?? "", ct),
        done =>
        {
            Notice = text.Format(
                "One-time password for {0}, to hand over in person; it works once, and they enrol their second "
                + "factor again:",
                done.Login);
            OneTimePassword = done.OneTimePassword;
            return Back();
        },
        () => LoadAsync(ct));

    public Task<IActionResult> OnPostRolesAsync(CancellationToken ct) => ActAsync(
        changeRoles.HandleAsync(Actor, Login ?? "", new ChangeUserRolesRequest(SelectedRoles), ct),
        person => Telling(Back(), "Roles of {0} changed.", person.Login),
        () => LoadAsync(ct));

    /// <summary>The list of the agency shown, after an action on one of its people.</summary>
    private RedirectToPageResult Back() => RedirectToPage(new { agency = Agency });

    private async Task LoadAsync(CancellationToken ct)
    {
        // Without an agency named, whoever may list everyone sees everyone, and a coordinator its own agency.
        var agency = string.IsNullOrWhiteSpace(Agency) && !AccessRules.MayListAllUsers(Actor)
            ? Actor.AgencyCode : Agency;
        var result = await list.HandleAsync(Actor, agency, ct);
        if (result.Succeeded)
        {
            People = result.Value;
            var agencyId = People
                .FirstOrDefault(p => string.Equals(p.Agency, agency, StringComparison.OrdinalIgnoreCase))?.AgencyId
                ?? Actor.AgencyId;
            Grantable = agencyId is { } id
                ? [.. AccessRules.GrantableRoles(Actor, id).Order(StringComparer.Ordinal)]
                : [];
        }
        else
        {
            Show(result.Error);
        }
    }
}
