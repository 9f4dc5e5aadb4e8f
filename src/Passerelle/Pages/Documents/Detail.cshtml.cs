using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Access;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Pages.Documents;

public sealed class DetailModel(FindDocuments find, ChangeDocument change, DeleteDocument delete) : PasserellePage
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

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken ct)
    {
        var result = await change.HandleAsync(Actor, Id, new ChangeDocumentRequest(Status: Status), ct);
        return await AfterAsync(result.Succeeded ? null : result.Error, "Status changed.", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var result = await delete.HandleAsync(Actor, Id, Reason, ct);
        return await AfterAsync(result.Succeeded ? null : result.Error, "Record withdrawn; it no longer screens.", ct);
    }

    private async Task<IActionResult> AfterAsync(Core.Common.Error? error, string done, CancellationToken ct)
    {
        if (error is null)
        {
            Tell(done);
            return RedirectToPage(new { id = Id });
        }

        Show(error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await find.GetAsync(Actor, Id, ct);
        if (result.Succeeded)
        {
            Detail = result.Value;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
