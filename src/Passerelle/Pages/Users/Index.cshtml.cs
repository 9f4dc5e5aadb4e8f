using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Access;
using Passerelle.Core.People;

namespace Passerelle.Pages.Users;

public sealed class IndexModel(ListUsers list, AddUser add, DisableUser disable) : PasserellePage
{
    public IReadOnlyList<UserSummary> People { get; private set; } = [];

    /// <summary>Whose people to show; a coordinator sees its own agency's.</summary>
    [BindProperty(Name = "agency", SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(Name = "login")]
    public string? Login { get; set; }

    [BindProperty(Name = "roles")]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await add.HandleAsync(Actor, new AddUserRequest(Agency ?? Actor.AgencyCode, Login, SelectedRoles, Password), ct);
        if (result.Succeeded)
        {
            return RedirectToPage(new { agency = Agency });
        }

        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var result = await disable.HandleAsync(Actor, Login ?? "", ct);
        if (result.Succeeded)
        {
            return RedirectToPage(new { agency = Agency });
        }

        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var agency = string.IsNullOrWhiteSpace(Agency) && !Actor.IsInRole(Roles.Admin) ? Actor.AgencyCode : Agency;
        var result = await list.HandleAsync(Actor, agency, ct);
        if (result.Succeeded)
        {
            People = result.Value!;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
