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

    /// <summary>
    /// Runs before each batch takes the chain's turn: the tests change the register at that very moment, to show a
    /// batch matches the register as the turn finds it.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeTurn { get; set; }

    /// <summary>
    /// Whether this process's screening index takes each batch at once. The command line screens nothing and leaves
    /// its index empty; the server's nodes take the records by following the register.
    /// </summary>
    internal bool ScreensHere { get; set; } = true;

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

        var today = DateOnly.FromDateTime(time.UtcNow());
        var rows = new ImportRows(csv, today);
        if (await rows.ReadHeaderAsync(ct) is { } header)
        {
            return header;
        }

        return await SaveAllAsync(actor, agency, rows, progress, today, ct);
    }

    /// <summary>
    /// Saves batch after batch while the next one is read and checked on another thread: the database waits for
    /// the file less, and a 2-core machine keeps both cores busy.
    /// </summary>
    private async Task<ImportReport> SaveAllAsync(
        Actor actor, Agency agency, ImportRows rows, IProgress<int>? progress, DateOnly today, CancellationToken ct)
    {
        var saver = new ImportBatch(db, audited, ScreensHere ? index : null, time, settings, BeforeTurn);
        var rejected = new List<ImportProblem>();
        int created = 0, updated = 0, unchanged = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // One connection for the whole import, rather than one opened and closed for each batch's work.
        await db.Database.OpenConnectionAsync(ct);
        Task<ImportRowBatch>? next = rows.ReadBatchAsync(BatchSize, progress, stop.Token);
        try
        {
            while (next is not null)
            {
                var batch = await next;
                next = batch.Last ? null : Task.Run(() => rows.ReadBatchAsync(BatchSize, progress, stop.Token), ct);
                rejected.AddRange(batch.Rejected);
                var (c, u, s) = await saver.SaveAsync(actor, agency, batch.Rows, rejected, today, ct);
                (created, updated, unchanged) = (created + c, updated + u, unchanged + s);
            }
        }
        finally
        {
            // A batch that failed leaves the reader to stop before the caller closes what it reads.
            if (next is not null)
            {
                await stop.CancelAsync();
                await Task.WhenAny(next);
            }

            await db.Database.CloseConnectionAsync();
        }

        return new ImportReport(created, updated, unchanged, [.. rejected.OrderBy(r => r.Line)]);
    }
}
