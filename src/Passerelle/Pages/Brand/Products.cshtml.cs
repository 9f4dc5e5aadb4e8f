using Passerelle.Core.Access;
using Passerelle.Core.Products;

namespace Passerelle.Pages.Brand;

/// <summary>A rights holder's product sheets: drafts and published, with their version.</summary>
public sealed class ProductsModel(FindProducts find) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayManageOwnProducts(actor);

    public IReadOnlyList<ProductView> Sheets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sheets = await LoadOrShowAsync(find.MineAsync(Actor, ct)) ?? [];
}
