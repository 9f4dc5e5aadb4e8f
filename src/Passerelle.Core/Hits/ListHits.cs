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

        var cases = Visible(actor, agency);
        if (only is { } s)
        {
            cases = cases.Where(h => h.Status == s);
        }

        var views = await HitView.LoadManyAsync(db, cases.OrderByDescending(h => h.OpenedAt).Take(200), ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.HitViewed, target: "hits", purpose: "hit-management", details: AuditDetails.With("cases", views.Count)), ct);
        return views;
    }

    /// <summary>
    /// The inbox a page shows: the same cases as <see cref="HandleAsync"/>, open ones first, then newest first, page
    /// <paramref name="number"/> of them with their count.
    /// </summary>
    public async Task<Result<Page<HitView>>> PageAsync(Actor actor, int number, int size, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency || !AccessRules.MayFollowHits(actor))
        {
            return await audit.DenyAsync(actor, "hits", ct);
        }

        if (Paging.Check(number, size) is { } invalid)
        {
            return invalid;
        }

        var cases = Visible(actor, agency)
            .OrderBy(h => h.Status == HitStatus.Open ? 0 : 1).ThenByDescending(h => h.OpenedAt)
            .ThenBy(h => h.Id) // Cases opened by one screening share their time: a page edge must not split them.
            .Select(h => h.Id);
        var ids = await Paging.ReadAsync(cases, number, size, ct);
        var views = await HitView.LoadManyAsync(db, db.HitCases.Where(h => ids.Items.Contains(h.Id)), ct);
        var order = ids.Items.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.HitViewed, target: "hits", purpose: "hit-management",
            details: AuditDetails.With("cases", views.Count).And("page", number)), ct);
        return new Page<HitView>(
            [.. views.OrderBy(v => order[v.Id])], ids.Number, ids.Size, ids.Total, ids.MoreThanTotal);
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

    private IQueryable<HitCase> Visible(Actor actor, Guid agency)
    {
        var coordinator = actor.IsInRole(Roles.Coordinator);
        return db.HitCases.Where(h =>
            (coordinator && (h.OwnerAgencyId == agency || h.QueryingAgencyId == agency)) || h.QueryingUserId == actor.UserId);
    }
}
