using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Removes records whose review date passed more than the grace period ago, with their history, their hit cases and
/// the notifications about them: the register keeps personal data no longer than it must. What was purged stays
/// countable in the audit trail, which names each record.
/// </summary>
public sealed class PurgeRegister(PasserelleDb db, AuditedChange audited, TimeProvider time, RegisterSettings settings)
{
    private const int Batch = 500;

    /// <summary>
    /// Runs before each batch takes the chain's turn: the tests start another writer at that very moment, to show a
    /// purge and a writer that holds the turn wait for each other in one order only.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeTurn { get; set; }

    public async Task<Result<int>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessRules.MayPurgeRegister(actor))
        {
            return AccessErrors.Denied.With("Purging is the platform's housekeeping, run by its operator.");
        }

        var cutoff = DateOnly.FromDateTime(time.UtcNow()).AddDays(-settings.PurgeGraceDays);
        var purged = 0;
        while (true)
        {
            if (BeforeTurn is not null)
            {
                await BeforeTurn(ct);
            }

            // The turn comes before the first delete: a writer holding it (an import batch, a hit case opened in the
            // audit writer's batch) may be about to write to these very records, and would wait on the purge's row
            // locks while the purge waited for its turn. The batch is chosen under the turn too, so a record whose
            // review date was just moved on is kept.
            await using var change = await audited.TakeTurnAsync(db, ct);
            var ids = await db.TravelDocuments
                .Where(d => d.ReviewOn < cutoff)
                .OrderBy(d => d.ReviewOn)
                .Select(d => d.Id)
                .Take(Batch)
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                return purged;
            }

            var cases = db.HitCases.Where(h => ids.Contains(h.DocumentId)).Select(h => h.Id);
            await db.Notifications
                .Where(n => n.CaseId != null && cases.Contains(n.CaseId.Value))
                .ExecuteDeleteAsync(ct);
            await db.WebhookDeliveries
                .Where(w => w.CaseId != null && cases.Contains(w.CaseId.Value))
                .ExecuteDeleteAsync(ct);
            await db.HitCaseEvents.Where(e => cases.Contains(e.CaseId)).ExecuteDeleteAsync(ct);
            await db.HitCases.Where(h => ids.Contains(h.DocumentId)).ExecuteDeleteAsync(ct);
            await db.TravelDocumentRevisions.Where(r => ids.Contains(r.DocumentId)).ExecuteDeleteAsync(ct);
            await db.TravelDocuments.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
            await change.CommitAsync(AuditRecord.For(actor, AuditEvent.DocumentsPurged, target: "documents",
                details: AuditDetails.Empty.And("reviewBefore", cutoff)
                    .And("records", ids.Select(i => i.ToString("D")))), ct);
            purged += ids.Count;
        }
    }
}
