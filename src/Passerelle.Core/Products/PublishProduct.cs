using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Products;

/// <summary>Publishing makes a sheet visible to officers; only a verified rights holder may.</summary>
public sealed class PublishProduct(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, ProductCatalogue catalogue, TimeProvider time)
{
    public async Task<Result<ProductView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var sheet = await db.ProductSheets.Include(p => p.Gtins).Include(p => p.Features)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (sheet is null)
        {
            return ProductErrors.NotFound.With($"No product sheet has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, sheet.OwnerAgencyId))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Product(id), ct, "A rights holder publishes its own product sheets only.");
        }

        var owner = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == sheet.OwnerAgencyId, ct);
        if (owner.Kind != AgencyKind.RightsHolder || owner.VerifiedAt is null)
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Product(id), ct, "A rights holder publishes once an administrator has verified it.");
        }

        sheet.PublishedAt ??= time.UtcNow();
        await audited.CommitAsync(
            db, AuditRecord.For(actor, AuditEvent.ProductPublished, target: AuditTarget.Product(id)), ct,
            stamp: sequence => sheet.ChangeSequence = sequence);
        catalogue.Changed();
        return ProductView.Of(sheet, owner.Code, _ => true, owns: true);
    }
}
