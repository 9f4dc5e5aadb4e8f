using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// One batch of <see cref="ImportDocuments"/>: its rows matched against the owner's live records, changed or new
/// ones saved in one transaction with one audit entry, then put in the screening index.
/// </summary>
internal sealed class ImportBatch(
    PasserelleDb db, AuditedChange audited, ScreeningIndex? index, TimeProvider time, RegisterSettings settings,
    Func<CancellationToken, Task>? beforeTurn)
{
    /// <summary>How often a batch is matched again when its writes find a record no longer as it was matched.</summary>
    private const int Attempts = 3;

    public async Task<(int Created, int Updated, int Unchanged)> SaveAsync(
        Actor actor,
        Agency owner,
        List<ImportRow> batch,
        List<ImportProblem> rejected,
        DateOnly today,
        CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return (0, 0, 0);
        }

        if (beforeTurn is not null)
        {
            await beforeTurn(ct);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await TrySaveAsync(actor, owner, batch, today, ct) is { } plan)
                {
                    rejected.AddRange(plan.Repeats);
                    return (plan.Created, plan.Updated, plan.Unchanged);
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException(
                    $"Records of lines {batch[0].Line} to {batch[^1].Line} kept changing under the import.");
            }
        }
    }

    /// <summary>
    /// Matches and saves the batch in one transaction; null, with nothing saved, when a changed record was no longer as
    /// matched by the time it was written.
    /// </summary>
    private async Task<ImportPlan?> TrySaveAsync(
        Actor actor, Agency owner, List<ImportRow> batch, DateOnly today, CancellationToken ct)
    {
        // The batch is matched once it has the chain's turn, which every audited change to the register takes before
        // it writes: what the match reads is what the batch writes over, a record withdrawn or changed meanwhile is
        // seen as it now stands, and of two imports of one new document the second finds the first's record.
        await using var change = await audited.TakeTurnAsync(db, ct);
        // The upsert matches the owner's own records only: another agency's record of the same document is never
        // changed or named, and the row becomes the owner's own record.
        var existing = await ImportMatch.OwnRecordsAsync(db, owner.Id, batch, ct);
        var writes = new ImportWrites([], [], [], [], actor.Login, time.UtcNow());
        var plan = ImportPlan.Make(owner.Id, batch, existing, writes, today, settings.ReviewYears);
        if (!writes.Any)
        {
            return plan;
        }

        // The entry is written at once, past EF Core, like the records after it.
        var entry = await change.WriteAsync([AuditRecord.For(
            actor, AuditEvent.DocumentsImported, target: AuditTarget.Agency(owner.Code),
            details: AuditDetails.With("firstLine", batch[0].Line).And("lastLine", batch[^1].Line)
                .And("created", plan.Created).And("updated", plan.Updated).And("unchanged", plan.Unchanged))], ct);
        foreach (var d in writes.Changed.Concat(writes.Created))
        {
            d.ChangeSequence = entry.Sequence;
        }

        if (!await BulkDocuments.WriteAsync(db, writes, ct))
        {
            return null;
        }

        await change.CommitAsync(ct);
        foreach (var d in index is null ? [] : writes.Changed.Concat(writes.Created))
        {
            DocumentWriter.ApplyOwn(index!, d);
        }

        return plan;
    }
}
