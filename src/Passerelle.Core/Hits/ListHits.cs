using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Hits;

/// <summary>
/// Hit cases as each side sees them: the owner agency's coordinators see the cases on their records; the querying
/// officer sees the cases they opened, and their coordinators see their agency's. Reading a case is audited.
/// </summary>
public sealed class ListHits(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<HitView>>> HandleAsync(Actor actor, string? status, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency || !AccessRules.MayFollowHits(actor))
        {
            return await audit.DenyAsync(actor, "hits", ct);
        }

        HitStatus? only = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<HitStatus>(status, out var parsed))
            {
                return Error.Invalid("hit.status", "status is open, confirmed, cleared or mismatch.", "status");
            }

            only = parsed;
        }

        var coordinator = actor.IsInRole(Roles.Coordinator);
        var cases = db.HitCases.Where(h => (coordinator && (h.OwnerAgencyId == agency || h.QueryingAgencyId == agency)) || h.QueryingUserId == actor.UserId);
        if (only is { } s)
        {
            cases = cases.Where(h => h.Status == s);
        }

        var views = await HitView.LoadManyAsync(db, cases.OrderByDescending(h => h.OpenedAt).Take(200), ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.HitViewed, target: "hits", purpose: "hit-management", details: AuditDetails.With("cases", views.Count)), ct);
        return views;
    }

    public async Task<Result<HitView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var hit = await db.HitCases.FindAsync([id], ct);
        if (hit is null)
        {
            return Error.NotFound("hit.not-found", $"No hit case has id {id}.");
        }

        if (!AccessRules.MayReadHit(actor, hit.OwnerAgencyId, hit.QueryingAgencyId, hit.QueryingUserId))
        {
            return await audit.DenyAsync(actor, $"hit:{id}", ct);
        }

        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.HitViewed, target: $"hit:{id}", purpose: "hit-management"), ct);
        return await HitView.LoadAsync(db, id, ct);
    }
}
