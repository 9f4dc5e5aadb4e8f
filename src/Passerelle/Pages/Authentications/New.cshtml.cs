using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Authentications;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Errors;

namespace Passerelle.Pages.Authentications;

/// <summary>
/// An officer who holds suspect goods asks the rights holder to authenticate them, with photos taken on the spot.
/// </summary>
[RequestSizeLimit(
    (RequestAuthentication.MaxPhotos * Core.Pictures.AcceptPicture.MaxBytes) + UploadLimits.MultipartAllowance)]
public sealed class NewModel(GetProduct getProduct, RequestAuthentication ask) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayLookUpProducts(actor);

    [BindProperty(SupportsGet = true, Name = "product")]
    public Guid ProductId { get; set; }

    [BindProperty(Name = "quantity")]
    public int? Quantity { get; set; }

    [BindProperty(Name = "place")]
    public string? Place { get; set; }

    [BindProperty(Name = "route")]
    public string? Route { get; set; }

    [BindProperty(Name = "message")]
    public string? Message { get; set; }

    [BindProperty(Name = "shareConsignee")]
    public bool ShareConsignee { get; set; }

    [BindProperty(Name = "consigneeDetails")]
    public string? ConsigneeDetails { get; set; }

    public ProductView? Product { get; private set; }

    public bool MayShareConsignee { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(List<IFormFile> photos, CancellationToken ct)
    {
        var contents = new List<byte[]>();
        foreach (var photo in photos.Where(p => p.Length > 0))
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, ct);
            contents.Add(buffer.ToArray());
        }

        var request = new NewAuthentication(
            ProductId, Quantity ?? 0, Place, Message, ShareConsignee, ConsigneeDetails, Route);
        return await ActAsync(
            ask.HandleAsync(Actor, request, contents, ct),
            sent => Telling(RedirectToPage("Detail", new { id = sent.Id }),
                "Request sent to {0}; they answer by {1:yyyy-MM-dd}.", sent.RightsHolder, sent.DueOn),
            () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayShareConsignee = await ask.MayShareConsigneeAsync(Actor, ct);
        Product = await LoadOrShowAsync(getProduct.HandleAsync(Actor, ProductId, ct));
    }
}
