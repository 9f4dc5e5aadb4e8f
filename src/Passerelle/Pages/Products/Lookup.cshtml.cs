using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Alerts;
using Passerelle.Core.Common;
using Passerelle.Core.Pictures;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Errors;

namespace Passerelle.Pages.Products;

/// <summary>
/// An officer types or scans a barcode, a Digital Link or words, and sees the genuine product, its alerts and whom to
/// call; or types a container number (four letters and seven digits) and sees the active alerts that name it.
/// </summary>
[RequestSizeLimit(UploadLimits.OnePicture)]
public sealed class LookupModel(LookUpProducts lookUp, ListAlerts alerts, BarcodePhoto photos) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayLookUpProducts(actor);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ProductView>? Results { get; private set; }

    /// <summary>The active alerts naming the container typed, when a container number was typed.</summary>
    public IReadOnlyList<AlertView>? ContainerAlerts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return;
        }

        if (Core.Standards.ContainerNumber.LooksLikeOne(Query))
        {
            var matched = await alerts.HandleAsync(Actor, Query.Trim(), ct);
            if (matched.Succeeded)
            {
                ContainerAlerts = matched.Value;
            }
            else
            {
                ShowBeside("q", matched.Error);
            }

            return;
        }

        await LookUpAsync(ct);
    }

    /// <summary>
    /// A photo of the barcode, from the phone's camera: read on the server, then looked up like a typed number.
    /// </summary>
    public async Task OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (photo is not null)
        {
            await photo.CopyToAsync(buffer, ct);
        }

        var barcode = await photos.DecodeAsync(buffer.ToArray(), ct);
        if (!barcode.Succeeded)
        {
            ShowBeside("photo", barcode.Error);
            return;
        }

        Query = barcode.Value;
        await LookUpAsync(ct);
    }

    /// <summary>A failure shown beside the one field the person filled in, whichever field Core named.</summary>
    private void ShowBeside(string field, Error error) =>
        Show(error with
        {
            Fields = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error.Message] },
        });

    private async Task LookUpAsync(CancellationToken ct) =>
        Results = await LoadOrShowAsync(lookUp.HandleAsync(Actor, Query, "product-lookup", ct));
}
