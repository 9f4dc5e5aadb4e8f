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
    PasserelleDb db, AuditedChange audited, ScreeningIndex index, TimeProvider time, RegisterSettings settings)
{
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

        // The upsert matches the owner's own records only: another agency's record of the same document is never
        // changed or named, and the row becomes the owner's own record.
        var existing = await ImportMatch.OwnRecordsAsync(db, owner.Id, batch, ct);
        var now = time.UtcNow();
        var writes = new ImportWrites([], [], [], actor.Login, now);
        var fresh = new HashSet<TravelDocument>(ReferenceEqualityComparer.Instance);
        var touched = new HashSet<TravelDocument>(ReferenceEqualityComparer.Instance);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in batch)
        {
            if (!existing.TryGetValue((row.State, row.Type, row.Number), out var found))
            {
                var document = RegisterDocument.NewRecord(owner.Id, row.Number, row.State, row.Type, row.Status,
                    row.Request, today, settings.ReviewYears, now);
                existing[(row.State, row.Type, row.Number)] = document;
                writes.Created.Add(document);
                fresh.Add(document);
                created++;
            }
            else if (fresh.Contains(found))
            {
                rejected.Add(new ImportProblem(row.Line,
                    $"repeats the document of an earlier line ({row.Number}, {row.State}, {row.Type.Name()})"));
            }
            else if (Change(found, row, today, now))
            {
                if (touched.Add(found))
                {
                    writes.Changed.Add(found);
                }

                writes.Changes.Add(found);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        if (writes.Any)
        {
            await using var change = await audited.BeginAsync(db, ct);
            var sequence = await change.AppendAsync([AuditRecord.For(
                actor, AuditEvent.DocumentsImported, target: AuditTarget.Agency(owner.Code),
                details: AuditDetails.With("firstLine", batch[0].Line).And("lastLine", batch[^1].Line)
                    .And("created", created).And("updated", updated).And("unchanged", unchanged))], ct);
            foreach (var d in writes.Changed.Concat(writes.Created))
            {
                d.ChangeSequence = sequence;
            }

            // The entry is saved first: its insert takes SQLite's write lock through EF, which waits its turn.
            await db.SaveChangesAsync(ct);
            await BulkDocuments.WriteAsync(db, writes, ct);
            await change.CommitAsync(ct);
            foreach (var d in writes.Changed.Concat(writes.Created))
            {
                DocumentWriter.ApplyOwn(index, d);
            }
        }

        db.ChangeTracker.Clear();
        return (created, updated, unchanged);
    }

    /// <summary>Applies the row's details to a stored record; true when that changed it.</summary>
    private bool Change(TravelDocument found, ImportRow row, DateOnly today, DateTime now)
    {
        var before = Details(found);
        RegisterDocument.ApplyDetails(found, row.Status, row.Request, today, settings.ReviewYears);
        if (Details(found) == before)
        {
            return false;
        }

        found.Version++;
        found.UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// What an import may change of a record, as its CSV form tells them apart: a blank text and none are one.
    /// </summary>
    private static (DocumentStatus, DateOnly?, DateOnly?, DateOnly, DateOnly?, string, DateOnly, string, string,
        DateOnly?) Details(TravelDocument d) =>
        (d.Status, d.IssuedOn, d.ExpiresOn, d.ReportedOn, d.TheftOrLossOn, d.NationalReference ?? "", d.ReviewOn,
            d.Remarks ?? "", d.HolderName ?? "", d.HolderBirthDate);
}
