using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>Either side writes in the request's thread, and the other side is told.</summary>
public sealed class PostAuthenticationMessage(
    PasserelleDb db, AuthenticationStep step, AuthenticationViews views, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<AuthenticationView>> HandleAsync(Actor actor, Guid id, string? text, CancellationToken ct)
    {
        var request = await db.AuthenticationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return AuthenticationErrors.NotFound.With($"No authentication request has id {id}.");
        }

        var holder = AccessRules.MayManageProducts(actor, request.RightsHolderAgencyId);
        if (!holder
            && !AccessRules.MayFollowAuthentication(actor, request.RequestingAgencyId, request.RequestingUserId))
        {
            return await audit.DenyAsync(actor, AuditTarget.Authentication(id), ct);
        }

        if (text is not { Length: > 0 and <= 2000 })
        {
            return AuthenticationErrors.Text.With("A message is 1 to 2000 characters.", "text");
        }

        db.AuthenticationMessages.Add(new AuthenticationMessage
        {
            RequestId = id,
            At = time.UtcNow(),
            By = actor.Login,
            Agency = actor.AgencyCode!,
            Text = text.Trim(),
        });
        var deliveries = await step.TellAsync(
            holder ? request.RequestingAgencyId : request.RightsHolderAgencyId,
            holder ? request.RequestingUserId : null, "authentication.message", id,
            $"{actor.AgencyCode}: {text.Trim()}", ct);
        await step.CommitAsync(actor, AuditEvent.AuthenticationMessage, id, null, deliveries, ct);
        return await views.OneAsync(actor, id, ct);
    }
}
