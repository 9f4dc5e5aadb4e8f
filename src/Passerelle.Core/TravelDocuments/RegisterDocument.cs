using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;

namespace Passerelle.Core.TravelDocuments;

public sealed record RegisterDocumentRequest(
    string? DocumentNumber,
    string? IssuingState,
    string? DocumentType,
    string? Status,
    DateOnly? IssuedOn = null,
    DateOnly? ExpiresOn = null,
    DateOnly? ReportedOn = null,
    DateOnly? TheftOrLossOn = null,
    string? NationalReference = null,
    DateOnly? ReviewOn = null,
    string? Remarks = null,
    string? HolderName = null,
    DateOnly? HolderBirthDate = null);

/// <summary>The owner agency reports a lost, stolen, revoked or invalid document; screening finds it at once.</summary>
public sealed class RegisterDocument(PasserelleDb db, DocumentWriter writer, AuditWriter audit, TimeProvider time, RegisterSettings settings)
{
    public async Task<Result<DocumentView>> HandleAsync(Actor actor, RegisterDocumentRequest request, CancellationToken ct)
    {
        if (!AccessRules.MayRegisterDocuments(actor))
        {
            return await audit.DenyAsync(actor, "documents", ct, "Coordinators and investigators register their agency's documents.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        var number = DocumentNames.Normalize(request.DocumentNumber ?? "");
        var state = CountryCodes.Normalize(request.IssuingState ?? "");
        var reported = request.ReportedOn ?? today;
        var invalid = Validate(new Validation(), request, today)
            .Require(DocumentNames.IsValidNumber(number), "documentNumber", "document.number", "The document number is 1 to 20 letters and digits (spaces, hyphens and '<' are ignored).")
            .Require(CountryCodes.IsKnown(state), "issuingState", "document.issuing-state", CountryCodes.Explain(request.IssuingState ?? ""))
            .Require(DocumentNames.TryType(request.DocumentType, out var type), "documentType", "document.type", $"documentType is one of {string.Join(", ", DocumentNames.TypeNames)}.")
            .Require(DocumentNames.TryStatus(request.Status, out var status) && status != DocumentStatus.Recovered, "status", "document.status", $"status is one of {string.Join(", ", DocumentNames.ReportableStatusNames)}.")
            .Require(reported <= today, "reportedOn", "document.reported-on", "The report date cannot be in the future.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        if (status == DocumentStatus.StolenBlank && (request.HolderName is not null || request.HolderBirthDate is not null))
        {
            return Error.Invalid("document.holder-on-blank", "A stolen blank was never issued: it has no holder.", "holderName");
        }

        var existing = await db.TravelDocuments.AsNoTracking()
            .Where(d => d.IssuingState == state && d.Type == type && d.NormalizedNumber == number && d.DeletedAt == null)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return new Error("document.duplicate", $"This document is already registered as record {id}.", ErrorKind.Conflict);
        }

        var now = time.UtcNow();
        var document = new TravelDocument
        {
            Id = Guid.CreateVersion7(),
            OwnerAgencyId = actor.AgencyId!.Value,
            Number = number,
            NormalizedNumber = number,
            FoldedNumber = DocumentNames.Fold(number),
            IssuingState = state,
            Type = type,
            Status = status,
            IssuedOn = request.IssuedOn,
            ExpiresOn = request.ExpiresOn,
            ReportedOn = reported,
            TheftOrLossOn = request.TheftOrLossOn,
            NationalReference = Clean(request.NationalReference),
            ReviewOn = request.ReviewOn ?? reported.AddYears(settings.ReviewYears),
            Remarks = Clean(request.Remarks),
            HolderName = Clean(request.HolderName)?.ToUpperInvariant(),
            HolderBirthDate = request.HolderBirthDate,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.TravelDocuments.Add(document);
        await writer.SaveAsync(document, actor, AuditEvent.DocumentRegistered, "created",
            $"number: {number}\nissuingState: {state}\ntype: {type.Name()}\nstatus: {status.Name()}", ct);
        return DocumentView.Of(document, actor.AgencyCode!, withHolder: true);
    }

    /// <summary>The checks a registration and a change share.</summary>
    internal static Validation Validate(Validation validation, RegisterDocumentRequest request, DateOnly today) => validation
        .Require(request.Remarks is null || request.Remarks.Length <= 500, "remarks", "document.remarks", "Remarks are at most 500 characters, and hold no personal data.")
        .Require(request.NationalReference is null || request.NationalReference.Length <= 100, "nationalReference", "document.reference", "The national reference is at most 100 characters.")
        .Require(request.HolderName is null || request.HolderName.Length <= 200, "holderName", "document.holder-name", "The holder's name is at most 200 characters.")
        .Require(request.HolderBirthDate is null || request.HolderBirthDate <= today, "holderBirthDate", "document.holder-birth-date", "A birth date cannot be in the future.")
        .Require(request.IssuedOn is null || request.ExpiresOn is null || request.IssuedOn <= request.ExpiresOn, "expiresOn", "document.dates", "A document expires after it is issued.")
        .Require(request.TheftOrLossOn is null || request.TheftOrLossOn <= today, "theftOrLossOn", "document.theft-date", "The theft or loss date cannot be in the future.");

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
