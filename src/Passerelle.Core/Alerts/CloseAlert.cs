using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Alerts;

/// <summary>A rights holder closes one of its alerts; officers stop seeing it.</summary>
public sealed class CloseAlert(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, ProductCatalogue catalogue, TimeProvider time)
{
    public async Task<Result<AlertView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return AlertErrors.NotFound.With($"No alert has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, alert.OwnerAgencyId))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Alert(id), ct, "A rights holder closes its own alerts only.");
        }

        alert.Status = AlertStatus.Closed;
        alert.UpdatedAt = time.UtcNow();
        await audited.CommitAsync(db, AuditRecord.For(actor, AuditEvent.AlertSaved, target: AuditTarget.Alert(id),
            details: AuditDetails.With("closed", true)), ct, stamp: sequence => alert.ChangeSequence = sequence);
        catalogue.Changed();
        return AlertView.Of(alert, actor.AgencyCode!, owns: true);
    }
}
