using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Pages.Agencies;

public sealed class IndexModel(
    ListAgencies list, AddAgency add, VerifyRightsHolder verify, ChangeAgencySettings settings) : PasserellePage
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

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ActAsync(
        add.HandleAsync(Actor, new AddAgencyRequest(Code, Name, Kind, Country), ct),
        agency => Telling(RedirectToPage(), "Agency {0} added.", agency.Code),
        () => LoadAsync(ct));

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => ActAsync(
        verify.HandleAsync(Actor, Code ?? "", Evidence, ct),
        agency => Telling(RedirectToPage(), "{0} verified; it may publish to officers.", agency.Code),
        () => LoadAsync(ct));

    /// <summary>Whether the agency's officers may send a consignee's details with an authentication request.</summary>
    public Task<IActionResult> OnPostSettingsAsync(bool shareConsigneeDetails, CancellationToken ct) => ActAsync(
        settings.HandleAsync(Actor, Code ?? "", shareConsigneeDetails, ct),
        _ => Telling(RedirectToPage(), "Settings of {0} saved.", Code ?? ""),
        () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await LoadOrShowAsync(list.HandleAsync(Actor, ct)) ?? [];
}
