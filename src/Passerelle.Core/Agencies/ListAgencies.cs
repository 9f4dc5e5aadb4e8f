using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Agencies;

public sealed class ListAgencies(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<AgencySummary>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessRules.MayListAgencies(actor))
        {
            return await audit.DenyAsync(actor, "agencies", ct);
        }

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        return agencies.Select(AgencySummary.Of).ToList();
    }

    public async Task<Result<AgencySummary>> FindAsync(Actor actor, string code, CancellationToken ct)
    {
        if (!AccessRules.MayListAgencies(actor))
        {
            return await audit.DenyAsync(actor, $"agency:{code}", ct);
        }

        var normalized = code.Trim().ToUpperInvariant();
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized, ct);
        return agency is null ? Error.NotFound("agency.not-found", $"No agency has code {normalized}.") : AgencySummary.Of(agency);
    }
}
