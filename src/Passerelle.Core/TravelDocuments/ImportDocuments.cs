using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

public sealed record ImportProblem(int Line, string Reason);

public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Rejected);

/// <summary>
/// Loads a CSV of records for one owner agency: an upsert by key (issuing state, type, number) among that agency's
/// own live records, committed in batches, each batch one audit entry. Another agency's record of the same document
/// is neither matched nor mentioned: the row becomes the importing agency's own record. A bad row is reported with
/// its line and reason and the good rows are kept; running the same file again creates nothing twice.
/// </summary>
public sealed class ImportDocuments(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, ScreeningIndex index, TimeProvider time,
    RegisterSettings settings)
{
    public const int BatchSize = 10_000;

    public async Task<Result<ImportReport>> HandleAsync(Actor actor, string? agencyCode, TextReader csv, IProgress<int>? progress, CancellationToken ct)
    {
        if (!AccessRules.MayRegisterDocuments(actor) && !AccessRules.MayImportDocuments(actor, Guid.Empty))
        {
            return await audit.DenyAsync(actor, "documents", ct, "Coordinators and investigators load and export their agency's records.");
        }

        var code = agencyCode?.Trim().ToUpperInvariant() ?? actor.AgencyCode ?? "";
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null || agency.Kind == AgencyKind.RightsHolder)
        {
            return Error.Invalid("import.agency", $"'{code}' is not a law-enforcement agency.", "agency");
        }

        if (!AccessRules.MayImportDocuments(actor, agency.Id))
        {
            return await audit.DenyAsync(actor, $"agency:{code}", ct, "An agency imports its own records; an administrator may load them on its behalf.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        Dictionary<string, int>? positions = null;
        var batch = new List<(int Line, RegisterDocumentRequest Request)>();
        var rejected = new List<ImportProblem>();
        int created = 0, updated = 0, unchanged = 0, rows = 0;
        await foreach (var row in Csv.ReadAsync(csv, ct))
        {
            if (row.Error is not null)
            {
                if (positions is null)
                {
                    return Error.Invalid("import.header", $"Line 1: {row.Error}", "file");
                }

                rejected.Add(new ImportProblem(row.Line, row.Error));
                continue;
            }

            if (positions is null)
            {
                (positions, var missing) = DocumentCsv.Map(row.Fields);
                if (missing is not null)
                {
                    return Error.Invalid("import.header", $"Line 1 must name the columns; '{missing}' is missing. Columns: {DocumentCsv.Header}.", "file");
                }

                continue;
            }

            var (request, problem) = DocumentCsv.Read(row, positions);
            problem ??= Check(request!, today);
            if (problem is not null)
            {
                rejected.Add(new ImportProblem(row.Line, problem));
            }
            else
            {
                batch.Add((row.Line, request!));
            }

            if (batch.Count == BatchSize)
            {
                var (c, u, s) = await SaveBatchAsync(actor, agency, batch, rejected, today, ct);
                (created, updated, unchanged) = (created + c, updated + u, unchanged + s);
                batch.Clear();
            }

            if (++rows % 1000 == 0)
            {
                progress?.Report(rows);
            }
        }

        progress?.Report(rows);
        if (positions is null)
        {
            return Error.Invalid("import.empty", "The file is empty: line 1 must name the columns.", "file");
        }

        if (batch.Count > 0)
        {
            var (c, u, s) = await SaveBatchAsync(actor, agency, batch, rejected, today, ct);
            (created, updated, unchanged) = (created + c, updated + u, unchanged + s);
        }

        return new ImportReport(created, updated, unchanged, [.. rejected.OrderBy(r => r.Line)]);
    }

    private static string? Check(RegisterDocumentRequest r, DateOnly today) =>
        RegisterDocument.ValidateNew(r, today) is { } error ? string.Join("; ", error.Fields!.SelectMany(f => f.Value)) : null;

    private async Task<(int Created, int Updated, int Unchanged)> SaveBatchAsync(
        Actor actor, Agency owner, List<(int Line, RegisterDocumentRequest Request)> batch, List<ImportProblem> rejected, DateOnly today, CancellationToken ct)
    {
        // By the folded number, which is indexed on its own; the exact key is matched in memory.
        var folded = batch.Select(b => DocumentNames.Fold(DocumentNames.Normalize(b.Request.DocumentNumber!))).Distinct().ToList();
        var stored = new List<TravelDocument>();
        if (db.IsPostgreSql)
        {
            stored = await db.TravelDocuments.AsNoTracking().Where(d => folded.Contains(d.FoldedNumber) && d.DeletedAt == null).ToListAsync(ct);
        }
        else
        {
            foreach (var chunk in folded.Chunk(1000))
            {
                // One parameter per number: SQLite scans the table for a JSON-array parameter, PostgreSQL does well with an array.
                stored.AddRange(await db.TravelDocuments.AsNoTracking().Where(d => EF.MultipleParameters(chunk).Contains(d.FoldedNumber) && d.DeletedAt == null).ToListAsync(ct));
            }
        }

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
                    rejected.Add(new ImportProblem(line, $"repeats the document of an earlier line ({number}, {state}, {type.Name()})"));
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

            var document = RegisterDocument.NewRecord(owner.Id, number, state, type, status, r, today, settings.ReviewYears, now);
            existing[(state, type, number)] = document;
            fresh.Add(document);
            freshSet.Add(document);
            created++;
        }

        if (touched.Count > 0 || fresh.Count > 0)
        {
            await using var change = await audited.BeginAsync(db, ct);
            var sequence = await change.AppendAsync([AuditRecord.For(
                actor, AuditEvent.DocumentsImported, target: $"agency:{owner.Code}",
                details: AuditDetails.With("firstLine", batch[0].Line).And("lastLine", batch[^1].Line)
                    .And("created", created).And("updated", updated).And("unchanged", unchanged))], ct);
            foreach (var d in touched.Concat(fresh))
            {
                d.ChangeSequence = sequence;
            }

            foreach (var (d, kind) in revisions)
            {
                db.TravelDocumentRevisions.Add(new TravelDocumentRevision { DocumentId = d.Id, Version = d.Version, ChangedAt = now, ChangedBy = actor.Login, Kind = kind, Changes = $"imported ({kind})" });
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
}
