using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>The detaining agency adds a photo of the goods to a request it sent; the rights holder is told.</summary>
public sealed class AddAuthenticationPhoto(
    PasserelleDb db, PictureStore pictures, AuthenticationStep step, AuthenticationViews views, AuditedChange audited,
    AuditWriter audit)
{
    public async Task<Result<AuthenticationView>> HandleAsync(
        Actor actor, Guid id, byte[] content, CancellationToken ct)
    {
        var request = await db.AuthenticationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return AuthenticationErrors.NotFound.With($"No authentication request has id {id}.");
        }

        if (!AccessRules.MayFollowAuthentication(actor, request.RequestingAgencyId, request.RequestingUserId))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Authentication(id), ct, "The detaining agency adds photos to its own requests.");
        }

        var subject = AuthenticationViews.Subject(id);
        if (await db.Pictures.CountAsync(p => p.Subject == subject, ct) >= RequestAuthentication.MaxPhotos)
        {
            return AuthenticationErrors.PhotosFull.With(
                $"A request holds at most {RequestAuthentication.MaxPhotos} photos.");
        }

        var accepted = await pictures.AcceptAllAsync([content], ct);
        if (!accepted.Succeeded)
        {
            return accepted.Error;
        }

        var deliveries = await step.TellAsync(request.RightsHolderAgencyId, null, "authentication.photo", id,
            $"{actor.AgencyCode} added a photo of the detained goods.", ct);

        // As for a new request: the file first, then its row and the audit entry in one commit, then the deliveries.
        var staged = await pictures.StageAsync(actor, request.RequestingAgencyId, subject, accepted.Value, ct);
        var entry = AuditRecord.For(actor, AuditEvent.PictureAdded, target: AuditTarget.Authentication(id),
            details: AuditDetails.With("picture", staged[0].Id)
                .And("contentType", staged[0].ContentType).And("bytes", staged[0].Bytes));
        await pictures.KeepIfCommittedAsync(staged, audited.CommitAsync(db, entry, ct));
        step.Committed(deliveries);
        return await views.OneAsync(actor, id, ct);
    }
}
