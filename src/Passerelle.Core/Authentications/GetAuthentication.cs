using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>One request with its thread and photos, for the rights holder asked and for those who follow it.</summary>
public sealed class GetAuthentication(PasserelleDb db, AuthenticationViews views, AuditWriter audit)
{
    public async Task<Result<AuthenticationView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var request = await db.AuthenticationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return AuthenticationErrors.NotFound.With($"No authentication request has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, request.RightsHolderAgencyId)
            && !AccessRules.MayFollowAuthentication(actor, request.RequestingAgencyId, request.RequestingUserId))
        {
            return await audit.DenyAsync(actor, AuditTarget.Authentication(id), ct);
        }

        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AuthenticationViewed,
            target: AuditTarget.Authentication(id), purpose: "detention-management"), ct);
        return await views.OneAsync(actor, id, ct);
    }
}
