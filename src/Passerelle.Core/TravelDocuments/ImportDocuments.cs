using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
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

    public async Task<Result<ImportReport>> HandleAsync(
        Actor actor, string? agencyCode, TextReader csv, IProgress<int>? progress, CancellationToken ct)
    {
        if (!AccessRules.MayRegisterDocuments(actor) && !AccessRules.MayImportDocuments(actor, Guid.Empty))
        {
            return await audit.DenyAsync(
                actor, "documents", ct, "Coordinators and investigators load and export their agency's records.");
        }

        var code = agencyCode?.Trim().ToUpperInvariant() ?? actor.AgencyCode ?? "";
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null || agency.Kind == AgencyKind.RightsHolder)
        {
            return TravelDocumentErrors.ImportAgency.With($"'{code}' is not a law-enforcement agency.", "agency");
        }

        if (!AccessRules.MayImportDocuments(actor, agency.Id))
        {
            return await audit.DenyAsync(
                actor,
                AuditTarget.Agency(code),
                ct,
                "An agency imports its own records; an administrator may load them on its behalf.");
        }

        var saver = new ImportBatch(db, audited, index, time, settings);
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
                    return TravelDocumentErrors.ImportHeader.With($"Line 1: {row.Error}", "file");
                }

                rejected.Add(new ImportProblem(row.Line, row.Error));
                continue;
            }

            if (positions is null)
            {
                (positions, var missing) = DocumentCsv.Map(row.Fields);
                if (missing is not null)
                {
                    return TravelDocumentErrors.ImportHeader.With(
                        $"Line 1 must name the columns; '{missing}' is missing. Columns: {DocumentCsv.Header}.",
                        "file");
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
                var (c, u, s) = await saver.SaveAsync(actor, agency, batch, rejected, today, ct);
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
            return TravelDocumentErrors.ImportEmpty.With("The file is empty: line 1 must name the columns.", "file");
        }

        if (batch.Count > 0)
        {
            var (c, u, s) = await saver.SaveAsync(actor, agency, batch, rejected, today, ct);
            (created, updated, unchanged) = (created + c, updated + u, unchanged + s);
        }

        return new ImportReport(created, updated, unchanged, [.. rejected.OrderBy(r => r.Line)]);
    }

    private static string? Check(RegisterDocumentRequest r, DateOnly today) =>
        RegisterDocument.ValidateNew(r, today) is { } error
            ? string.Join("; ", error.Fields!.SelectMany(f => f.Value))
            : null;
}
