using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Agencies;

/// <summary>An agency's settings: for now, whether its officers may send consignee details to rights holders.</summary>
public sealed class ChangeAgencySettings(PasserelleDb db, AuditedChange audited, AuditWriter audit)
{
    public async Task<Result<AgencySummary>> HandleAsync(
        Actor actor, string code, bool shareConsigneeDetails, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Code == normalized, ct);
        if (agency is null)
        {
            return AgencyErrors.NotFound.With($"No agency has code {normalized}.");
        }

        if (!AccessRules.MayChangeAgencySettings(actor, agency.Id))
        {
            return await audit.DenyAsync(actor, AuditTarget.Agency(normalized), ct,
                "An administrator, or the agency's own coordinator, changes its settings.");
        }

        agency.ShareConsigneeDetails = shareConsigneeDetails;
        await audited.CommitAsync(db, AuditRecord.For(
            actor, AuditEvent.AgencySettingsChanged, target: AuditTarget.Agency(normalized),
            details: AuditDetails.With("shareConsigneeDetails", shareConsigneeDetails)), ct);
        return AgencySummary.Of(agency);
    }
}
