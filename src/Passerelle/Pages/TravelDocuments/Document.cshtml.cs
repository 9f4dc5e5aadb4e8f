using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.TravelDocuments;

public sealed class DocumentModel(FindDocuments find, ChangeDocument change, DeleteDocument delete) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayRegisterDocuments(actor);

    public DocumentDetail? Detail { get; private set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid Id { get; set; }

    [BindProperty(Name = "status")]
    public string? Status { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostStatusAsync(CancellationToken ct) => ActAsync(
        change.HandleAsync(Actor, Id, new ChangeDocumentRequest(Status: Status), ct),
        _ => Telling(RedirectToPage(new { id = Id }), "Status changed."),
        () => LoadAsync(ct));

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) => ActAsync(
        delete.HandleAsync(Actor, Id, Reason, ct),
        _ => Telling(RedirectToPage(new { id = Id }), "Record withdrawn; it no longer screens."),
        () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => Detail = await LoadOrShowAsync(find.GetAsync(Actor, Id, ct));
}
