using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Products;

/// <summary>
/// A rights holder's product sheets: drafts and published, with their version. Served at <c>/Brand/Products</c>.
/// </summary>
public sealed class OwnModel(ListOwnProducts list) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayManageOwnProducts(actor);

    public IReadOnlyList<ProductView> Sheets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sheets = await LoadOrShowAsync(list.HandleAsync(Actor, ct)) ?? [];
}
