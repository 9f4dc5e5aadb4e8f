using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.TravelDocuments;

/// <summary>The owner's register: report a document, and find the agency's own records.</summary>
public sealed class DocumentsModel(FindDocuments find, RegisterDocument register) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayRegisterDocuments(actor);

    public IReadOnlyList<DocumentView> Records { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(Name = "documentNumber")]
    public string? DocumentNumber { get; set; }

    [BindProperty(Name = "issuingState")]
    public string? IssuingState { get; set; }

    [BindProperty(Name = "documentType")]
    public string? DocumentType { get; set; } = "passport";

    [BindProperty(Name = "newStatus")]
    public string? NewStatus { get; set; } = "stolen";

    [BindProperty(Name = "theftOrLossOn")]
    public DateOnly? TheftOrLossOn { get; set; }

    [BindProperty(Name = "holderName")]
    public string? HolderName { get; set; }

    [BindProperty(Name = "holderBirthDate")]
    public DateOnly? HolderBirthDate { get; set; }

    [BindProperty(Name = "nationalReference")]
    public string? NationalReference { get; set; }

    [BindProperty(Name = "remarks")]
    public string? Remarks { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(
        register.HandleAsync(Actor, new RegisterDocumentRequest(DocumentNumber, IssuingState, DocumentType, NewStatus,
            TheftOrLossOn: TheftOrLossOn, NationalReference: NationalReference, Remarks: Remarks,
            HolderName: HolderName, HolderBirthDate: HolderBirthDate), ct),
        document => Telling(RedirectToPage("./Document", new { id = document.Id }),
            "Document {0} reported; it screens from now on.", document.DocumentNumber),
        () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = new DocumentQuery(Number, string.IsNullOrEmpty(Status) ? null : Status);
        var result = await find.SearchAsync(Actor, query, ct);
        if (result.Succeeded)
        {
            Records = result.Value;
        }
        else if (!Denied)
        {
            Show(result.Error);
        }
    }
}
