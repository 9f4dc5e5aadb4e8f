using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Pictures;

public sealed record PictureView(Guid Id, string Subject, string ContentType, int Width, int Height, long Bytes, DateTime CreatedAt);

/// <summary>Pictures of genuine products, added by their rights holder and shown to whoever may see the sheet.</summary>
public sealed class ProductPictures(PasserelleDb db, IBlobStore blobs, AuditTrail trail, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<PictureView>> AddAsync(Actor actor, Guid productId, byte[] content, CancellationToken ct)
    {
        var sheet = await db.ProductSheets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (sheet is null)
        {
            return Error.NotFound("product.not-found", $"No product sheet has id {productId}.");
        }

        if (!AccessRules.MayManageProducts(actor, sheet.OwnerAgencyId))
        {
            return await audit.DenyAsync(actor, $"product:{productId}", ct, "A rights holder adds pictures to its own product sheets only.");
        }

        var accepted = await AcceptPicture.ProcessAsync(content, ct);
        if (!accepted.Succeeded)
        {
            return accepted.Error!;
        }

        var a = accepted.Value!;
        var picture = new Picture
        {
            Id = Guid.CreateVersion7(),
            OwnerAgencyId = sheet.OwnerAgencyId,
            Subject = $"product:{productId}",
            ContentType = a.ContentType,
            Width = a.Width,
            Height = a.Height,
            Bytes = a.Image.LongLength,
            CreatedAt = time.UtcNow(),
            CreatedBy = actor.Login,
        };
        // The files go first, so a stored row always has its files; if the row does not commit, the files go too.
        await blobs.PutAsync(Key(picture.Id, thumbnail: false), a.Image, ct);
        await blobs.PutAsync(Key(picture.Id, thumbnail: true), a.Thumbnail, ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Pictures.Add(picture);
            await trail.AppendAsync(db, AuditRecord.For(actor, AuditEvent.PictureAdded, target: $"picture:{picture.Id}", details: $"{picture.Subject}; {picture.ContentType}; {picture.Bytes} bytes"), ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            await blobs.DeleteAsync(Key(picture.Id, thumbnail: false), CancellationToken.None);
            await blobs.DeleteAsync(Key(picture.Id, thumbnail: true), CancellationToken.None);
            throw;
        }

        return View(picture);
    }

    public async Task<Result<(PictureView Picture, byte[] Content)>> GetAsync(Actor actor, Guid id, bool thumbnail, CancellationToken ct)
    {
        var picture = await db.Pictures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var productId = picture is not null && picture.Subject.StartsWith("product:", StringComparison.Ordinal) ? Guid.Parse(picture.Subject["product:".Length..]) : Guid.Empty;
        var published = await db.ProductSheets.AnyAsync(p => p.Id == productId && p.PublishedAt != null, ct);
        if (picture is null)
        {
            return Error.NotFound("picture.not-found", $"No picture has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, picture.OwnerAgencyId) && !(published && AccessRules.MayLookUpProducts(actor)))
        {
            return await audit.DenyAsync(actor, $"picture:{id}", ct);
        }

        var content = await blobs.GetAsync(Key(id, thumbnail), ct);
        return content is null ? Error.NotFound("picture.missing", "The picture's file is missing from the store.") : (View(picture), content);
    }

    public async Task<IReadOnlyList<PictureView>> OfAsync(Guid productId, CancellationToken ct)
    {
        var subject = $"product:{productId}";
        var pictures = await db.Pictures.AsNoTracking().Where(p => p.Subject == subject).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return [.. pictures.Select(View)];
    }

    private static string Key(Guid id, bool thumbnail) => id.ToString("N") + (thumbnail ? ".thumb" : ".image");

    private static PictureView View(Picture p) => new(p.Id, p.Subject, p.ContentType, p.Width, p.Height, p.Bytes, p.CreatedAt);
}
