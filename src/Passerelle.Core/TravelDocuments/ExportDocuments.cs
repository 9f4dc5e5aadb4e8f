using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Writes an agency's live records as CSV, in the form import reads back. An export is a disclosure, audited.
/// </summary>
public sealed class ExportDocuments(PasserelleDb db, AuditWriter audit)
{
    /// <summary>
    /// The CSV lines, header first, streamed from the database once the export is allowed and audited.
    /// </summary>
    public async Task<Result<IAsyncEnumerable<string>>> HandleAsync(
        Actor actor, string? agencyCode, CancellationToken ct)
    {
        if (!AccessRules.MayRegisterDocuments(actor) && !AccessRules.MayImportDocuments(actor, Guid.Empty))
        {
            return await audit.DenyAsync(
                actor, "documents", ct, "Coordinators and investigators load and export their agency's records.");
        }

        var code = agencyCode?.Trim().ToUpperInvariant() ?? actor.AgencyCode ?? "";
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null)
        {
            return TravelDocumentErrors.ExportAgency.With($"No agency has code '{code}'.", "agency");
        }

        if (!AccessRules.MayImportDocuments(actor, agency.Id))
        {
            return await audit.DenyAsync(actor, AuditTarget.Agency(code), ct);
        }

        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.DocumentsExported, target: AuditTarget.Agency(code), purpose: "register-export"), ct);
        return Result<IAsyncEnumerable<string>>.From(Lines(agency.Id, ct));
    }

    public static async Task<int> WriteAsync(
        IAsyncEnumerable<string> lines, TextWriter output, IProgress<int>? progress, CancellationToken ct)
    {
        var count = -1;
        await foreach (var line in lines.WithCancellation(ct))
        {
            await output.WriteLineAsync(line);
            progress?.Report(Math.Max(0, ++count));
        }

        await output.FlushAsync(ct);
        return Math.Max(0, count);
    }

    private async IAsyncEnumerable<string> Lines(
        Guid agencyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        yield return DocumentCsv.Header;
        var live = db.TravelDocuments.AsNoTracking()
            .Where(d => d.OwnerAgencyId == agencyId && d.DeletedAt == null)
            .OrderBy(d => d.ChangeSequence)
            .ThenBy(d => d.Id)
            .AsAsyncEnumerable();
        await foreach (var d in live.WithCancellation(ct))
        {
            yield return DocumentCsv.Write(d);
        }
    }
}
