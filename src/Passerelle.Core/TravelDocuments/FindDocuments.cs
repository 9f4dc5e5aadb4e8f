using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

public sealed record DocumentQuery(
    string? Number = null,
    string? Status = null,
    string? DocumentType = null,
    bool IncludeDeleted = false,
    int Limit = 100,
    int Offset = 0);

public sealed record RevisionView(int Version, DateTime ChangedAt, string ChangedBy, string Kind, string Changes);

public sealed record DocumentDetail(DocumentView Record, IReadOnlyList<RevisionView> History);

/// <summary>An owner reads its own records: one with its history, or a search. Each read is audited.</summary>
public sealed class FindDocuments(PasserelleDb db, AuditWriter audit)
{
    public const string OwnerPurpose = "register-management";

    public async Task<Result<DocumentDetail>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await (
            from d in db.TravelDocuments.AsNoTracking()
            join a in db.Agencies on d.OwnerAgencyId equals a.Id
            where d.Id == id
            select new { d, a.Code }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return TravelDocumentErrors.NotFound.With($"No record has id {id}.");
        }

        if (!AccessRules.MayManageDocument(actor, found.d.OwnerAgencyId))
        {
            return await audit.DenyAsync(actor, AuditTarget.Document(id), ct,
                "Only the agency that owns a record reads it here; others see it through hits.");
        }

        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.DocumentViewed, target: AuditTarget.Document(id), purpose: OwnerPurpose), ct);
        var history = await db.TravelDocumentRevisions.AsNoTracking()
            .Where(r => r.DocumentId == id)
            .OrderBy(r => r.Version)
            .Select(r => new RevisionView(r.Version, r.ChangedAt, r.ChangedBy, r.Kind, r.Changes))
            .ToListAsync(ct);
        if (history.FirstOrDefault()?.Version != 1)
        {
            // An import writes no revision for a record it makes; the record itself says when and by whom.
            history.Insert(0, new RevisionView(
                1, found.d.CreatedAt, found.d.CreatedBy ?? "", "created", ImportWrites.Creation));
        }

        return new DocumentDetail(DocumentView.Of(found.d, found.Code, withHolder: true), history);
    }

    public async Task<Result<IReadOnlyList<DocumentView>>> SearchAsync(
        Actor actor, DocumentQuery query, CancellationToken ct)
    {
        if (!AccessRules.MayRegisterDocuments(actor))
        {
            return await audit.DenyAsync(
                actor, "documents", ct, "Coordinators and investigators search their agency's records.");
        }

        var status = DocumentStatus.Stolen;
        var type = DocumentType.Passport;
        var invalid = new Validation()
            .Require(query.Status is null || DocumentNames.TryStatus(query.Status, out status), "status",
                TravelDocumentErrors.Status, "Unknown status.")
            .Require(query.DocumentType is null || DocumentNames.TryType(query.DocumentType, out type), "documentType",
                TravelDocumentErrors.Type, "Unknown document type.")
            .Require(query.Limit is >= 1 and <= 1000, "limit", TravelDocumentErrors.Limit, "limit is 1 to 1000.")
            .Require(query.Offset >= 0, "offset", TravelDocumentErrors.Offset, "offset is 0 or more.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        var owner = actor.AgencyId!.Value;
        var records = db.TravelDocuments.AsNoTracking().Where(d => d.OwnerAgencyId == owner);
        if (!query.IncludeDeleted)
        {
            records = records.Where(d => d.DeletedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var folded = DocumentNames.Fold(DocumentNames.Normalize(query.Number));
            records = records.Where(d => d.FoldedNumber.StartsWith(folded));
        }

        if (query.Status is not null)
        {
            records = records.Where(d => d.Status == status);
        }

        if (query.DocumentType is not null)
        {
            records = records.Where(d => d.Type == type);
        }

        var page = await records
            .OrderByDescending(d => d.ReportedOn)
            .ThenBy(d => d.NormalizedNumber)
            .Skip(query.Offset)
            .Take(query.Limit)
            .ToListAsync(ct);
        var details = AuditDetails.With("number", query.Number)
            .And("status", query.Status)
            .And("type", query.DocumentType)
            .And("results", page.Count);
        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.DocumentsSearched, target: "documents", purpose: OwnerPurpose, details: details), ct);
        return page.Select(d => DocumentView.Of(d, actor.AgencyCode!, withHolder: true)).ToList();
    }
}
