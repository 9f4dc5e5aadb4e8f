using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;

namespace Passerelle.Core.Products;

/// <summary>The detaining agency adds a photo of the goods to a request it sent, and the rights holder is told.</summary>
public sealed class DetentionPhotos(
    PasserelleDb db, PictureStore pictures, Detentions detentions, AuditedChange audited, AuditWriter audit)
{
    public async Task<Result<AuthenticationView>> AddAsync(Actor actor, Guid id, byte[] content, CancellationToken ct)
    {
        var detention = await db.AuthenticationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (detention is null)
        {
            return Error.NotFound("authentication.not-found", $"No authentication request has id {id}.");
        }

        if (!Detentions.MayFollow(actor, detention))
        {
            return await audit.DenyAsync(actor, $"authentication:{id}", ct, "The detaining agency adds photos to its own requests.");
        }

        var subject = $"authentication:{id}";
        if (await db.Pictures.CountAsync(p => p.Subject == subject, ct) >= Detentions.MaxPhotos)
        {
            return Error.Conflict("authentication.photos", $"A request holds at most {Detentions.MaxPhotos} photos.");
        }

        var accepted = await pictures.AcceptAllAsync([content], ct);
        if (!accepted.Succeeded)
        {
            return accepted.Error;
        }

        var staged = await pictures.StageAsync(actor, detention.RequestingAgencyId, subject, accepted.Value, ct);
        var deliveries = await detentions.NotifyAsync(detention.RightsHolderAgencyId, null, "authentication.photo", id,
            $"{actor.AgencyCode} added a photo of the detained goods.", ct);
        var added = AuditRecord.For(actor, AuditEvent.PictureAdded, target: subject, details: AuditDetails
            .With("picture", staged[0].Id).And("contentType", staged[0].ContentType).And("bytes", staged[0].Bytes));
        await pictures.KeepIfCommittedAsync(staged, audited.CommitAsync(db, added, ct));
        detentions.Committed(deliveries);
        return await detentions.ViewAsync(actor, id, ct);
    }
}
