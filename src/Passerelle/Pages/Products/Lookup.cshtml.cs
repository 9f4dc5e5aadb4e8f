using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Products;

namespace Passerelle.Pages.Products;

/// <summary>An officer types or scans a barcode, a Digital Link or words, and sees the genuine product, its alerts and whom to call.</summary>
public sealed class LookupModel(FindProducts find) : PasserellePage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ProductView>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return;
        }

        var result = await find.LookUpAsync(Actor, Query, "product-lookup", ct);
        if (result.Succeeded)
        {
            Results = result.Value;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
