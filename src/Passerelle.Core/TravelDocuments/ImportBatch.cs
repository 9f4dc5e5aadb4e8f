using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
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
        List<(int Line, RegisterDocumentRequest Request)> batch,
        List<ImportProblem> rejected,
        DateOnly today,
        CancellationToken ct)
    {
        var stored = await StoredAsync(batch, ct);

        // The upsert matches the owner's own records only: another agency's record of the same document is never
        // changed or named, and the row becomes the owner's own record. The owner is filtered here, not in SQL,
        // because SQLite would then pick the (owner, reported) index and read the agency's whole register per batch.
        var existing = stored.Where(d => d.OwnerAgencyId == owner.Id)
            .ToDictionary(d => (d.IssuingState, d.Type, d.NormalizedNumber));
        var now = time.UtcNow();
        var touched = new List<TravelDocument>();
        var fresh = new List<TravelDocument>();
        var freshSet = new HashSet<TravelDocument>(ReferenceEqualityComparer.Instance);
        var revisions = new List<(TravelDocument Document, string Kind)>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (line, r) in batch)
        {
            var number = DocumentNames.Normalize(r.DocumentNumber!);
            var state = CountryCodes.Normalize(r.IssuingState!);
            DocumentNames.TryType(r.DocumentType, out var type);
            DocumentNames.TryStatus(r.Status, out var status);
            if (existing.TryGetValue((state, type, number), out var found))
            {
                if (freshSet.Contains(found))
                {
                    rejected.Add(new ImportProblem(
                        line, $"repeats the document of an earlier line ({number}, {state}, {type.Name()})"));
                    continue;
                }

                var before = DocumentCsv.Write(found);
                RegisterDocument.ApplyDetails(found, status, r, today, settings.ReviewYears);
                if (DocumentCsv.Write(found) == before)
                {
                    unchanged++;
                    continue;
                }

                found.Version++;
                found.UpdatedAt = now;
                if (!touched.Contains(found))
                {
                    db.TravelDocuments.Update(found);
                    touched.Add(found);
                }

                revisions.Add((found, "changed"));
                updated++;
                continue;
            }

            var document = RegisterDocument.NewRecord(
                owner.Id, number, state, type, status, r, today, settings.ReviewYears, now);
            existing[(state, type, number)] = document;
            fresh.Add(document);
            freshSet.Add(document);
            created++;
        }

        if (touched.Count > 0 || fresh.Count > 0)
        {
            await using var change = await audited.BeginAsync(db, ct);
            var sequence = await change.AppendAsync([AuditRecord.For(
                actor, AuditEvent.DocumentsImported, target: AuditTarget.Agency(owner.Code),
                details: AuditDetails.With("firstLine", batch[0].Line).And("lastLine", batch[^1].Line)
                    .And("created", created).And("updated", updated).And("unchanged", unchanged))], ct);
            foreach (var d in touched.Concat(fresh))
            {
                d.ChangeSequence = sequence;
            }

            foreach (var (d, kind) in revisions)
            {
                db.TravelDocumentRevisions.Add(new TravelDocumentRevision
                {
                    DocumentId = d.Id,
                    Version = d.Version,
                    ChangedAt = now,
                    ChangedBy = actor.Login,
                    Kind = kind,
                    Changes = $"imported ({kind})",
                });
            }

            // Saved before the bulk insert, which writes beside EF in the same transaction; the commit saves no more.
            await db.SaveChangesAsync(ct);
            await BulkDocuments.InsertAsync(db, fresh, actor.Login, ct);
            await change.CommitAsync(ct);
            foreach (var d in touched.Concat(fresh))
            {
                DocumentWriter.Apply(index, d);
            }
        }

        db.ChangeTracker.Clear();
        return (created, updated, unchanged);
    }

    /// <summary>The live records, of any owner, whose folded number is one of the batch's.</summary>
    private async Task<List<TravelDocument>> StoredAsync(
        List<(int Line, RegisterDocumentRequest Request)> batch, CancellationToken ct)
    {
        // By the folded number, which is indexed on its own; the exact key is matched in memory.
        var folded = batch.Select(b => DocumentNames.Fold(DocumentNames.Normalize(b.Request.DocumentNumber!)))
            .Distinct()
            .ToList();
        if (db.IsPostgreSql)
        {
            return await db.TravelDocuments.AsNoTracking()
                .Where(d => folded.Contains(d.FoldedNumber) && d.DeletedAt == null)
                .ToListAsync(ct);
        }

        var stored = new List<TravelDocument>();
        foreach (var chunk in folded.Chunk(1000))
        {
            // One parameter per number: SQLite scans the table for a JSON-array parameter, PostgreSQL does well with
            // an array.
            stored.AddRange(await db.TravelDocuments.AsNoTracking()
                .Where(d => EF.MultipleParameters(chunk).Contains(d.FoldedNumber) && d.DeletedAt == null)
                .ToListAsync(ct));
        }

        return stored;
    }
}
