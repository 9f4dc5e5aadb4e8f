using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>
/// The requests a reader follows, newest first: those to its rights holder, those it sent, and for a coordinator
/// every one its agency sent.
/// </summary>
public sealed class ListAuthentications(PasserelleDb db, AuthenticationViews views, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<AuthenticationView>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency
            || (!AccessRules.MayManageProducts(actor, agency) && !AccessRules.MayLookUpProducts(actor)))
        {
            return await audit.DenyAsync(actor, "authentications", ct);
        }

        var wholeAgency = AccessRules.MayFollowAgencyAuthentications(actor);
        var ids = await db.AuthenticationRequests.AsNoTracking()
            .Where(r => r.RightsHolderAgencyId == agency || r.RequestingUserId == actor.UserId
                || (wholeAgency && r.RequestingAgencyId == agency))
            .OrderByDescending(r => r.CreatedAt).Take(200).Select(r => r.Id).ToListAsync(ct);
        var found = await views.ManyAsync(actor, ids, ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AuthenticationViewed, target: "authentications",
            purpose: "detention-management", details: AuditDetails.With("requests", found.Count)), ct);
        return found;
    }
}
