using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Access;
using Passerelle.Core.Agencies;

namespace Passerelle.Pages.Agencies;

public sealed class IndexModel(ListAgencies list, AddAgency add, VerifyRightsHolder verify, ChangeAgencySettings settings) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayListAgencies(actor);

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "country")]
    public string? Country { get; set; }

    [BindProperty(Name = "evidence")]
    public string? Evidence { get; set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await add.HandleAsync(Actor, new AddAgencyRequest(Code, Name, Kind, Country), ct);
        if (result.Succeeded)
        {
            Tell("Agency {0} added.", result.Value!.Code);
            return RedirectToPage();
        }

        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var result = await verify.HandleAsync(Actor, Code ?? "", Evidence, ct);
        if (result.Succeeded)
        {
            Tell("{0} verified; it may publish to officers.", result.Value!.Code);
            return RedirectToPage();
        }

        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Whether the agency's officers may send a consignee's details with an authentication request.</summary>
    public async Task<IActionResult> OnPostSettingsAsync(bool shareConsigneeDetails, CancellationToken ct)
    {
        var result = await settings.HandleAsync(Actor, Code ?? "", shareConsigneeDetails, ct);
        if (result.Succeeded)
        {
            Tell("Settings of {0} saved.", Code ?? "");
            return RedirectToPage();
        }

        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(Actor, ct);
        if (result.Succeeded)
        {
            Agencies = result.Value!;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
