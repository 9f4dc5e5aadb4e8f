using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Products;

/// <summary>
/// One sheet: all of it for its owner; for an officer, the published sheet with the features meant for their agency,
/// and the look audited.
/// </summary>
public sealed class GetProduct(PasserelleDb db, AgencyDirectory agencies, AuditWriter audit)
{
    public async Task<Result<ProductView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var sheet = await db.ProductSheets.AsNoTracking().Include(p => p.Features)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (sheet is null)
        {
            return ProductErrors.NotFound.With($"No product sheet has id {id}.");
        }

        await SheetParts.AttachGtinsAsync(db, [sheet], ct);
        var pictures = await SheetParts.PicturesAsync(db, [id], ct);
        if (AccessRules.MayManageProducts(actor, sheet.OwnerAgencyId))
        {
            var whole = ProductView.Of(sheet, actor.AgencyCode!, _ => true, owns: true);
            return whole with { Pictures = [.. pictures[id]] };
        }

        if (!AccessRules.MayLookUpProducts(actor) || sheet.PublishedAt is null)
        {
            return await audit.DenyAsync(actor, AuditTarget.Product(id), ct);
        }

        var agency = await agencies.GetAsync(db, actor.AgencyId!.Value, ct);
        var owner = (await agencies.GetAsync(db, sheet.OwnerAgencyId, ct)).Code;
        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.ProductsLookedUp, target: AuditTarget.Product(id), purpose: "product-lookup"), ct);
        return ProductView.Of(sheet, owner, f => AccessRules.MaySeeFeature(
                agency.Code, agency.Country, f.Restricted, f.AllowedAgencies, f.AllowedCountries), owns: false)
            with
        { Pictures = [.. pictures[id]] };
    }
}
