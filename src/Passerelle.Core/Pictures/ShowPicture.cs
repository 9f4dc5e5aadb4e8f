using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Pictures;

/// <summary>
/// A picture to whoever may see what it belongs to: a product's pictures to its owner and, once published, to officers;
/// a detention's photos to the rights holder asked and to the agency that detained the goods, each view audited.
/// </summary>
public sealed class ShowPicture(PasserelleDb db, PictureStore store, AuditWriter audit)
{
    public async Task<Result<(PictureView Picture, byte[] Content)>> HandleAsync(
        Actor actor, Guid id, bool thumbnail, CancellationToken ct)
    {
        var picture = await db.Pictures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (picture is null)
        {
            return PictureErrors.NotFound.With($"No picture has id {id}.");
        }

        var (kind, subjectId) = Subject(picture.Subject);
        var allowed = kind switch
        {
            "product" => AccessRules.MayManageProducts(actor, picture.OwnerAgencyId)
                || (AccessRules.MayLookUpProducts(actor)
                    && await db.ProductSheets.AnyAsync(p => p.Id == subjectId && p.PublishedAt != null, ct)),
            "authentication" => await db.AuthenticationRequests.AsNoTracking().Where(r => r.Id == subjectId)
                .Select(r => new { r.RightsHolderAgencyId, r.RequestingAgencyId, r.RequestingUserId })
                .FirstOrDefaultAsync(ct) is { } r
                && (AccessRules.MayManageProducts(actor, r.RightsHolderAgencyId)
                    || AccessRules.MayFollowAuthentication(actor, r.RequestingAgencyId, r.RequestingUserId)),
            _ => false,
        };
        if (!allowed)
        {
            return await audit.DenyAsync(actor, AuditTarget.Picture(id), ct);
        }

        var content = await store.ReadAsync(id, thumbnail, ct);
        if (content is null)
        {
            return PictureErrors.Missing.With("The picture's file is missing from the store.");
        }

        if (kind == "authentication")
        {
            await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.PictureViewed, target: AuditTarget.Picture(id),
                purpose: "detention-management", details: AuditDetails.With("subject", picture.Subject)), ct);
        }

        return (PictureStore.View(picture), content);
    }

    private static (string Kind, Guid Id) Subject(string subject)
    {
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Guid.TryParse(subject.AsSpan(colon + 1), out var id)
            ? (subject[..colon], id)
            : ("", Guid.Empty);
    }
}
