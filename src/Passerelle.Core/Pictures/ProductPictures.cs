using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Pictures;

/// <summary>
/// Pictures of genuine products and of counterfeit indicators, added by their rights holder and shown to whoever may
/// see the sheet.
/// </summary>
public sealed class ProductPictures(
    PasserelleDb db, PictureStore store, AuditedChange audited, AuditWriter audit, ProductCatalogue catalogue)
{
    /// <param name="counterfeit">The picture shows a fake, to teach officers what to look for.</param>
    public async Task<Result<PictureView>> AddAsync(
        Actor actor, Guid productId, byte[] content, CancellationToken ct, bool counterfeit = false,
        string? caption = null)
    {
        var sheet = await db.ProductSheets.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (sheet is null)
        {
            return ProductErrors.NotFound.With($"No product sheet has id {productId}.");
        }

        if (!AccessRules.MayManageProducts(actor, sheet.OwnerAgencyId))
        {
            return await audit.DenyAsync(actor, AuditTarget.Product(productId), ct,
                "A rights holder adds pictures to its own product sheets only.");
        }

        if (caption is { Length: > 200 })
        {
            return PictureErrors.Caption.With("A caption is at most 200 characters.", "caption");
        }

        var accepted = await store.AcceptAllAsync([content], ct);
        if (!accepted.Succeeded)
        {
            return accepted.Error;
        }

        var staged = await store.StageAsync(
            actor, sheet.OwnerAgencyId, AuditTarget.Product(productId), accepted.Value, ct,
            counterfeit, string.IsNullOrWhiteSpace(caption) ? null : caption.Trim());
        var picture = staged[0];
        var added = AuditRecord.For(actor, AuditEvent.PictureAdded, target: AuditTarget.Picture(picture.Id),
            details: AuditDetails.With("subject", picture.Subject)
                .And("contentType", picture.ContentType).And("bytes", picture.Bytes));
        // The sheet is stamped too: officers' catalogues show its pictures.
        await store.KeepIfCommittedAsync(staged,
            audited.CommitAsync(db, added, ct, stamp: sequence => sheet.ChangeSequence = sequence));
        catalogue.Changed();
        db.ChangeTracker.Clear();
        return PictureStore.View(picture);
    }
}
