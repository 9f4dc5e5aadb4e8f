using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Common;
using Passerelle.Core.Hits;
using Passerelle.Core.Notifications;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Hits;

/// <summary>
/// The hit inbox: cases on the agency's records to decide, cases the officer opened, and notifications.
/// </summary>
public sealed class IndexModel(ListHits list, DecideHit decide, Inbox inbox) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowHits(actor);

    public IReadOnlyList<HitView> Cases => Listed?.Items ?? [];

    public Page<HitView>? Listed { get; private set; }

    // "page" is the route value naming the Razor Page itself, so the number goes by "p".
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(Name = "size", SupportsGet = true)]
    public int Size { get; set; } = 25;

    public string Link(int number, int size) => Url.Page("", new { p = number, size })!;

    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    [BindProperty(Name = "id")]
    public Guid Id { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    public bool MayDecide(HitView hit) => hit.Status == "open" && AccessRules.MayDecideHit(Actor, hit.OwnerAgencyId);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => DecideAsync(HitDecision.Confirm, ct);

    public Task<IActionResult> OnPostRecoverAsync(CancellationToken ct) => DecideAsync(HitDecision.Recover, ct);

    public Task<IActionResult> OnPostMismatchAsync(CancellationToken ct) => DecideAsync(HitDecision.Mismatch, ct);

    private Task<IActionResult> DecideAsync(HitDecision decision, CancellationToken ct) => ActAsync(
        decide.HandleAsync(Actor, Id, decision, Note, ct),
        hit => Telling(RedirectToPage(), decision switch
        {
            HitDecision.Confirm => "Case {0} ({1}): confirmed. The officer is told to seize the document.",
            HitDecision.Recover => "Case {0} ({1}): recovered. The record leaves screening.",
            HitDecision.Mismatch => "Case {0} ({1}): mismatch. The officer is told.",
        }, hit.DocumentNumber, hit.IssuingState),
        () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Listed = await LoadOrShowAsync(list.PageAsync(Actor, PageNumber, Size, ct));
        if ((await inbox.ListAsync(Actor, unreadOnly: false, ct)) is { Succeeded: true } notes)
        {
            Notifications = notes.Value;
        }
    }
}
