using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Agencies;

/// <summary>The agency directory. Reading it is a consultation like any other, audited with a fixed purpose.</summary>
public sealed class ListAgencies(PasserelleDb db, AuditWriter audit)
{
    public const string Purpose = "agency-directory";

    public async Task<Result<IReadOnlyList<AgencySummary>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessRules.MayListAgencies(actor))
        {
            return await audit.DenyAsync(actor, "agencies", ct);
        }

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AgenciesListed, target: "agencies", purpose: Purpose,
            details: AuditDetails.With("shown", agencies.Count)), ct);
        return agencies.Select(AgencySummary.Of).ToList();
    }

    public async Task<Result<AgencySummary>> FindAsync(Actor actor, string code, CancellationToken ct)
    {
        if (!AccessRules.MayListAgencies(actor))
        {
            return await audit.DenyAsync(actor, AuditTarget.Agency(code), ct);
        }

        var normalized = code.Trim().ToUpperInvariant();
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized, ct);
        var outcome = agency is null ? Outcomes.Failure : Outcomes.Success;
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AgencyViewed, outcome,
            target: AuditTarget.Agency(normalized), purpose: Purpose), ct);
        return agency is null
            ? AgencyErrors.NotFound.With($"No agency has code {normalized}.")
            : AgencySummary.Of(agency);
    }
}
