using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Alerts;

/// <summary>
/// A rights holder's own alerts; for an officer, the active alerts meant for its agency or country, optionally those
/// naming one container. An officer's look is audited.
/// </summary>
public sealed class ListAlerts(PasserelleDb db, AlertsForReader meant, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<AlertView>>> HandleAsync(
        Actor actor, string? container, CancellationToken ct)
    {
        if (actor.AgencyId is { } owner && AccessRules.MayManageProducts(actor, owner))
        {
            var mine = await db.Alerts.AsNoTracking().Where(a => a.OwnerAgencyId == owner)
                .OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
            return mine.Select(a => AlertView.Of(a, actor.AgencyCode!, owns: true)).ToList();
        }

        if (!AccessRules.MayLookUpProducts(actor))
        {
            return await audit.DenyAsync(actor, "alerts", ct);
        }

        string? number = null;
        if (!string.IsNullOrWhiteSpace(container))
        {
            var checkedContainer = ContainerNumber.Check(container);
            if (!checkedContainer.Valid)
            {
                return AlertErrors.Container.With(checkedContainer.Reason!, "container");
            }

            number = checkedContainer.Normalized;
        }

        var views = await meant.ForAsync(actor, a => number == null || a.Containers.Contains(number), ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.ProductsLookedUp,
            target: number is null ? "alerts" : AuditTarget.Container(number), purpose: "alert-check",
            details: AuditDetails.With("alerts", views.Count)), ct);
        return views;
    }
}
