using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Hits;

/// <summary>
/// Hit cases as each side sees them (<see cref="AccessRules.HitsVisibleTo"/>): the owner agency's coordinators and
/// investigators see the cases on its records; whoever screened a case sees it, and the querying agency's
/// coordinators see their agency's. Reading a case is audited.
/// </summary>
public sealed class ListHits(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<HitView>>> HandleAsync(Actor actor, string? status, CancellationToken ct)
    {
        var visible = AccessRules.HitsVisibleTo(actor);
        if (actor.AgencyId is not { } agency || visible == HitVisibility.None)
        {
            return await audit.DenyAsync(actor, "hits", ct);
        }

        HitStatus? only = null;
        if (status is not null)
        {
            if (!HitStatuses.TryParse(status, out var parsed))
            {
                return HitErrors.Status.With("status is open, confirmed, recovered or mismatch.", "status");
            }

            only = parsed;
        }

        var cases = Visible(actor, agency, visible);
        if (only is { } s)
        {
            cases = cases.Where(h => h.Status == s);
        }

        var views = await HitView.LoadManyAsync(db, cases.OrderByDescending(h => h.OpenedAt).Take(200), ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.HitViewed, target: "hits", purpose: "hit-management",
            details: AuditDetails.With("cases", views.Count)), ct);
        return views;
    }

    /// <summary>
    /// The inbox a page shows: the same cases as <see cref="HandleAsync"/>, open ones first, then newest first, page
    /// <paramref name="number"/> of them with their count.
    /// </summary>
    public async Task<Result<Page<HitView>>> PageAsync(Actor actor, int number, int size, CancellationToken ct)
    {
        var visible = AccessRules.HitsVisibleTo(actor);
        if (actor.AgencyId is not { } agency || visible == HitVisibility.None)
        {
            return await audit.DenyAsync(actor, "hits", ct);
        }

        if (Paging.Check(number, size) is { } invalid)
        {
            return invalid;
        }

        var cases = Visible(actor, agency, visible)
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
        var hit = await db.HitCases.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null)
        {
            return HitErrors.NotFound.With($"No hit case has id {id}.");
        }

        var screened = await ScreenedBy(actor).ContainsAsync(id, ct);
        if (!AccessRules.MayReadHit(actor, hit.OwnerAgencyId, hit.QueryingAgencyId, screened))
        {
            return await audit.DenyAsync(actor, AuditTarget.Hit(id), ct);
        }

        await audit.AppendAsync(
            AuditRecord.For(actor, AuditEvent.HitViewed, target: AuditTarget.Hit(id), purpose: "hit-management"), ct);
        return await HitView.LoadAsync(db, id, ct);
    }

    private IQueryable<HitCase> Visible(Actor actor, Guid agency, HitVisibility visible)
    {
        var (owner, querying) = (visible.OwnerAgency, visible.QueryingAgency);
        return db.HitCases.Where(h =>
            (owner && h.OwnerAgencyId == agency) || (querying && h.QueryingAgencyId == agency)
            || ScreenedBy(actor).Contains(h.Id));
    }

    /// <summary>The cases the actor opened, screened last, or screened again in between (the timeline says).</summary>
    private IQueryable<Guid> ScreenedBy(Actor actor) =>
        db.HitCases.Where(h => actor.UserId != null
                && (h.QueryingUserId == actor.UserId || h.LastScreenedByUserId == actor.UserId))
            .Select(h => h.Id)
            .Union(db.HitCaseEvents
                .Where(e => actor.UserId != null && e.Kind == "screened-again" && e.By == actor.Login)
                .Select(e => e.CaseId));
}
