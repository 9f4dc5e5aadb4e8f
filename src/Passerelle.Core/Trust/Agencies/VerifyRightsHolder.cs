using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Agencies;

/// <summary>
/// An administrator vouches that a rights holder is who it claims to be; until then it publishes nothing.
/// </summary>
public sealed class VerifyRightsHolder(PasserelleDb db, AuditedChange audited, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<AgencySummary>> HandleAsync(
        Actor actor, string code, string? evidence, CancellationToken ct)
    {
        if (!AccessRules.MayManageAgencies(actor))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Agency(code), ct, "Only an administrator verifies rights holders.");
        }

        var normalized = code.Trim().ToUpperInvariant();
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Code == normalized, ct);
        if (agency is null)
        {
            return AgencyErrors.NotFound.With($"No agency has code {normalized}.");
        }

        if (agency.Kind != AgencyKind.RightsHolder)
        {
            return AgencyErrors.NotRightsHolder.With(
                $"{normalized} is not a rights holder; only rights holders are verified.");
        }

        if (string.IsNullOrWhiteSpace(evidence) || evidence.Length > 500)
        {
            return AgencyErrors.Evidence.With(
                "Say how the rights holder was verified (at most 500 characters).", "evidence");
        }

        agency.VerifiedAt ??= time.UtcNow();
        await audited.CommitAsync(db, AuditRecord.For(
            actor, AuditEvent.AgencyVerified, target: AuditTarget.Agency(normalized),
            details: AuditDetails.With("evidence", evidence.Trim())), ct);
        return AgencySummary.Of(agency);
    }
}
