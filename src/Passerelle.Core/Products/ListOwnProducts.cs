using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Products;

/// <summary>A rights holder's own product sheets, drafts and published, with all of their features.</summary>
public sealed class ListOwnProducts(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<ProductView>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AgencyId is not { } owner || !AccessRules.MayManageProducts(actor, owner))
        {
            return await audit.DenyAsync(actor, "products", ct, "A rights holder lists its own product sheets.");
        }

        var sheets = await db.ProductSheets.AsNoTracking().Include(p => p.Features).Where(p => p.OwnerAgencyId == owner)
            .OrderBy(p => p.Brand).ThenBy(p => p.Name).ToListAsync(ct);
        await SheetParts.AttachGtinsAsync(db, sheets, ct);
        var pictures = await SheetParts.PicturesAsync(db, [.. sheets.Select(p => p.Id)], ct);
        ProductView Whole(ProductSheet p) =>
            ProductView.Of(p, actor.AgencyCode!, _ => true, owns: true) with { Pictures = [.. pictures[p.Id]] };
        return sheets.Select(Whole).ToList();
    }
}
